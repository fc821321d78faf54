package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The version a build of one service gets at one commit.
 *
 * @param service the service
 * @param environment the environment such a build feeds (the branch-fed one for staging versions, the
 *     release-tag-fed one for releases)
 * @param version the version: {@code X.Y.Z-rcNNNN-gSHA} for a staging build, {@code X.Y.Z} for a release tag
 * @param base the release the version builds on ({@code X.Y.Z}; the release itself for a release tag)
 * @param commits the commit count NNNN (0 for a release tag)
 * @param commit the full id of the commit built
 * @param releaseAtCommit for a staging version, the service's newest release tag on that very commit, if
 *     any (building the tag gives the release version instead)
 */
public record BuildVersion(ServiceId service, String environment, Version version, Version base, long commits,
        CommitId commit, Optional<ReleaseTag> releaseAtCommit) {

    /**
     * Checks the parts.
     */
    public BuildVersion {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(releaseAtCommit, "releaseAtCommit");
    }

    /**
     * Whether this is a release version (built from a release tag).
     *
     * @return true for {@code X.Y.Z}
     */
    public boolean isRelease() {
        return !version.isPrerelease();
    }
}
