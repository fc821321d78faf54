package dev.slipway.spi;

import dev.slipway.api.CommitId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit as a history walk reports it.
 *
 * @param id the commit's id
 * @param parents its parents' ids, first parent first
 * @param message the full message, as stored (not re-encoded, trailing newline kept)
 * @param commitTime when it was committed
 * @param changedPaths the paths that differ from the first parent (all paths of the tree for a root
 *     commit), sorted, without rename detection; empty unless the walk asked for paths
 */
public record GitCommit(CommitId id, List<CommitId> parents, String message, Instant commitTime,
        List<String> changedPaths) {

    /**
     * Freezes the parts.
     */
    public GitCommit {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(commitTime, "commitTime");
        changedPaths = List.copyOf(changedPaths);
    }

    /**
     * Whether the commit merges two or more parents.
     *
     * @return true for a merge commit
     */
    public boolean isMerge() {
        return parents.size() > 1;
    }
}
