package dev.slipway.core;

import java.util.Locale;

/**
 * How a service's next release version was chosen from its commits.
 */
public enum Bump {

    /** A breaking change: {@code X+1.0.0}. */
    MAJOR,

    /**
     * A feature ({@code X.Y+1.0}); also a breaking change before 1.0.0 under
     * {@code versioning.bump-minor-pre-major}.
     */
    MINOR,

    /**
     * A fix, performance improvement or revert ({@code X.Y.Z+1}); also a feature before 1.0.0 under
     * {@code versioning.bump-patch-for-minor-pre-major}.
     */
    PATCH,

    /** The service's first release: {@code versioning.initial}, whatever the commits would bump. */
    INITIAL,

    /** A {@code Release-As: X.Y.Z} footer set the version. */
    RELEASE_AS;

    /**
     * The name the CLI and JSON use: {@code major}, {@code minor}, {@code patch}, {@code initial},
     * {@code release-as}.
     *
     * @return the lower-case, dashed name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
