package dev.slipway.spi;

/**
 * Whether what a CD application runs matches what its source (the GitOps repository) declares.
 */
public enum CdSyncStatus {

    /** The live resources match the declared ones at the compared revision. */
    SYNCED("Synced"),
    /** The live resources differ from the declared ones. */
    OUT_OF_SYNC("OutOfSync"),
    /** The comparison has not been made or failed. */
    UNKNOWN("Unknown");

    private final String wire;

    CdSyncStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The name the CD system uses ({@code Synced}, {@code OutOfSync}, {@code Unknown}).
     *
     * @return the name
     */
    public String wireName() {
        return wire;
    }

    /**
     * The status a CD system's name stands for; a name it does not know (or none) is {@link #UNKNOWN}.
     *
     * @param name the name, such as {@code OutOfSync}; may be null
     * @return the status
     */
    public static CdSyncStatus fromWire(String name) {
        for (CdSyncStatus status : values()) {
            if (status.wire.equals(name)) {
                return status;
            }
        }
        return UNKNOWN;
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
