package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ReleaseTag;
import java.util.Objects;

/**
 * A release tag {@code slipway release} created.
 *
 * @param tag the tag
 * @param commit the commit it points to: the first commit of the branch's first-parent chain that holds
 *     the release in the versions file
 */
public record CreatedTag(ReleaseTag tag, CommitId commit) {

    /**
     * Checks the parts.
     */
    public CreatedTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(commit, "commit");
    }
}
