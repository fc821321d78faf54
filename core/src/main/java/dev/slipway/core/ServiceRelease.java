package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The next release of one service, as a release plan proposes it.
 *
 * @param service the service
 * @param current the service's latest release (its highest release tag reachable from the planned commit),
 *     empty before its first release
 * @param next the version to release ({@code X.Y.Z}, never a pre-release)
 * @param bump how {@code next} was chosen
 * @param tag the release tag {@code next} gets once the plan is merged (the service's tag pattern)
 * @param previousTag the tag of {@code current}, when there is one
 * @param changelog the CHANGELOG entry, in Release Please's format, without a trailing newline
 * @param commits the commits attributed to the service since {@code current}, newest first (merge commits
 *     and commits with {@code Slipway-*} trailers left out)
 */
public record ServiceRelease(ServiceId service, Optional<Version> current, Version next, Bump bump, ReleaseTag tag,
        Optional<ReleaseTag> previousTag, String changelog, List<CommitId> commits) {

    /**
     * Checks the parts.
     */
    public ServiceRelease {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(bump, "bump");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(previousTag, "previousTag");
        Objects.requireNonNull(changelog, "changelog");
        commits = List.copyOf(commits);
        if (next.isPrerelease() || !next.build().isEmpty()) {
            throw new IllegalArgumentException("a release version is X.Y.Z, not " + next);
        }
    }

    /**
     * The service's CHANGELOG file, repo-relative: {@code <service>/CHANGELOG.md}.
     *
     * @return the path
     */
    public String changelogPath() {
        return service.path() + "/CHANGELOG.md";
    }
}
