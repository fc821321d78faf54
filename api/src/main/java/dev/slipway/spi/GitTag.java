package dev.slipway.spi;

import dev.slipway.api.CommitId;
import java.util.Objects;

/**
 * A tag of a repository with the commit it points to, annotated tags peeled.
 *
 * @param name the tag name without {@code refs/tags/}
 * @param commit the commit the tag points to (through any chain of annotated tags)
 * @param annotated whether the tag is an annotated tag object (false: a lightweight tag)
 */
public record GitTag(String name, CommitId commit, boolean annotated) {

    /**
     * Checks the parts.
     */
    public GitTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commit, "commit");
    }
}
