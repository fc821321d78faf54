package dev.slipway.spi;

/**
 * Whether a repository lets a tag move to another image, as the registry reports it.
 */
public enum Mutability {
    /** Tags can be moved to another image (overwritten). */
    MUTABLE,
    /** A tag, once given, keeps its image: giving it another one is refused. */
    IMMUTABLE,
    /**
     * Some tags are immutable and some are not: the repository is immutable or mutable with exclusions
     * (ECR's {@code IMMUTABLE_WITH_EXCLUSION} and {@code MUTABLE_WITH_EXCLUSION}); the registry decides per tag.
     */
    MIXED,
    /** The registry does not say (the OCI distribution API has no such query); treat a tag as possibly immutable. */
    UNKNOWN
}
