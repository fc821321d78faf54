package dev.slipway.core.config;

import dev.slipway.api.StagingScheme;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import java.util.Objects;

/**
 * The {@code versioning} section: how release tags are named and what staging builds are called.
 *
 * @param tag the release tag pattern ({@code tag}, default {@code {service}@{version}})
 * @param prerelease the staging pre-release scheme ({@code prerelease}, default {@code rc{count:4}-g{sha:7}})
 * @param initial the base of a service that has no release tag yet ({@code initial}, default 0.1.0)
 * @param bumpMinorPreMajor before 1.0.0, a breaking change bumps the minor version ({@code bump-minor-pre-major})
 * @param bumpPatchForMinorPreMajor before 1.0.0, a feature bumps the patch version
 *     ({@code bump-patch-for-minor-pre-major})
 */
public record Versioning(TagPattern tag, StagingScheme prerelease, Version initial, boolean bumpMinorPreMajor,
        boolean bumpPatchForMinorPreMajor) {

    /** The embedded default. */
    public static final Versioning DEFAULT =
            new Versioning(TagPattern.DEFAULT, StagingScheme.DEFAULT, Version.of(0, 1, 0), false, false);

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the initial version is not a release {@code X.Y.Z}
     */
    public Versioning {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(prerelease, "prerelease");
        Objects.requireNonNull(initial, "initial");
        if (initial.isPrerelease() || !initial.build().isEmpty()) {
            throw new IllegalArgumentException("versioning.initial must be a release X.Y.Z, not " + initial);
        }
    }
}
