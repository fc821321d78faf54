package dev.slipway.core;

import dev.slipway.api.CommitId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of the version a service runs in an environment, as the repository's history records it.
 *
 * @param version the version set
 * @param previous the values it replaced (empty when unknown or the first deployment)
 * @param commit the commit that set it
 * @param builtCommit the commit the image was built from, when known (the {@code Slipway-Commit} trailer, or the
 *     commit a staging version's {@code -gSHA} names)
 * @param time when that commit was made
 * @param rollback whether it was a rollback ({@code fix: rollback ...})
 * @param source where the record was read from
 */
public record DeploymentRecord(String version, List<String> previous, CommitId commit, Optional<CommitId> builtCommit,
        Instant time, boolean rollback, Source source) {

    /** Where a record was read from. */
    public enum Source {
        /** The commit's {@code Slipway-*} trailers. */
        TRAILERS,
        /** The marker's value in the file's history (commits made without Slipway). */
        FILES
    }

    /**
     * Freezes the parts.
     */
    public DeploymentRecord {
        Objects.requireNonNull(version, "version");
        previous = List.copyOf(previous);
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(builtCommit, "builtCommit");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
    }
}
