package dev.slipway.spi;

/**
 * The phase of a CD operation (a sync).
 */
public enum CdOperationPhase {

    /** The operation runs. */
    RUNNING("Running", false),
    /** The operation is being stopped. */
    TERMINATING("Terminating", false),
    /** The operation ended and did not apply everything (a hook or a resource failed). */
    FAILED("Failed", true),
    /** The operation ended with an error (it could not run). */
    ERROR("Error", true),
    /** The operation ended and applied everything. */
    SUCCEEDED("Succeeded", true);

    private final String wire;
    private final boolean completed;

    CdOperationPhase(String wire, boolean completed) {
        this.wire = wire;
        this.completed = completed;
    }

    /**
     * The name the CD system uses ({@code Running}, {@code Succeeded}, ...).
     *
     * @return the name
     */
    public String wireName() {
        return wire;
    }

    /**
     * Whether the operation has ended (successfully or not).
     *
     * @return true for {@link #FAILED}, {@link #ERROR} and {@link #SUCCEEDED}
     */
    public boolean isCompleted() {
        return completed;
    }

    /**
     * The phase a CD system's name stands for.
     *
     * @param name the name, such as {@code Succeeded}
     * @return the phase, or {@link #ERROR} for a name this version does not know (an operation in an
     *     unknown phase is never taken for a success)
     */
    public static CdOperationPhase fromWire(String name) {
        for (CdOperationPhase phase : values()) {
            if (phase.wire.equals(name)) {
                return phase;
            }
        }
        return ERROR;
    }

    /**
     * The name the CD system uses.
     *
     * @return {@link #wireName()}
     */
    @Override
    public String toString() {
        return wire;
    }
}
