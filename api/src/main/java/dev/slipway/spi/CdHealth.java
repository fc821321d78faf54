package dev.slipway.spi;

/**
 * The health a CD system reports for an application: the worst health of its resources.
 */
public enum CdHealth {

    /** Every resource is healthy. */
    HEALTHY("Healthy"),
    /** A resource is not healthy yet but may become so (a rollout in progress). */
    PROGRESSING("Progressing"),
    /** A resource is paused on purpose (a suspended rollout or job). */
    SUSPENDED("Suspended"),
    /** A resource failed (a rollout past its deadline, a crash-looping pod). */
    DEGRADED("Degraded"),
    /** A declared resource does not exist in the cluster. */
    MISSING("Missing"),
    /** The health could not be assessed. */
    UNKNOWN("Unknown");

    private final String wire;

    CdHealth(String wire) {
        this.wire = wire;
    }

    /**
     * The name the CD system uses ({@code Healthy}, {@code Progressing}, ...).
     *
     * @return the name
     */
    public String wireName() {
        return wire;
    }

    /**
     * The health a CD system's name stands for; a name it does not know (or none) is {@link #UNKNOWN}.
     *
     * @param name the name, such as {@code Degraded}; may be null
     * @return the health
     */
    public static CdHealth fromWire(String name) {
        for (CdHealth health : values()) {
            if (health.wire.equals(name)) {
                return health;
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
