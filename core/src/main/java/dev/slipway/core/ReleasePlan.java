package dev.slipway.core;

import dev.slipway.api.CommitId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The release plan of a repository at a commit: every service with releasable commits since its last
 * release, its next version and CHANGELOG entry, and the release pull request that proposes them, in Release
 * Please's format.
 *
 * @param commit the commit planned from (HEAD)
 * @param title the release pull request's title: {@code chore(<branch>): release <service> <version>} for one
 *     service, {@code chore: release <branch>} for several, empty when nothing is to be released
 * @param body the pull request's body (Release Please's layout, one {@code <details>} block per service),
 *     empty when nothing is to be released
 * @param branch the pull request's head branch, {@code slipway--branches--<branch>}; the same for every plan
 *     of a branch, so a host updates one pull request
 * @param releases the releases, sorted by service
 * @param pending the releases the versions file records that still wait for their tag, sorted by service
 */
public record ReleasePlan(CommitId commit, String title, String body, String branch, List<ServiceRelease> releases,
        List<PendingRelease> pending) {

    /** Where the released version of every service is recorded, repo-relative. */
    public static final String VERSIONS_FILE = ".slipway/versions.json";

    /**
     * Freezes the parts.
     */
    public ReleasePlan {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(branch, "branch");
        releases = List.copyOf(releases);
        pending = List.copyOf(pending);
    }

    /**
     * Whether nothing is to be released.
     *
     * @return true when no service has releasable commits
     */
    public boolean isEmpty() {
        return releases.isEmpty();
    }

    /**
     * The files writing this plan changes, repo-relative: each released service's {@code CHANGELOG.md} and the
     * versions file; empty when nothing is to be released.
     *
     * @return the paths
     */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        releases.forEach(r -> out.add(r.changelogPath()));
        if (!releases.isEmpty()) {
            out.add(VERSIONS_FILE);
        }
        return out;
    }
}
