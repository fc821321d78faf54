package dev.slipway.core;

import dev.slipway.api.CommitId;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a flow that changes manifests goes: the work tree only, a commit, or a commit pushed to the remote
 * branch (with retries while the remote moves), and whether a refusal is overridden.
 *
 * @param mode how far to go
 * @param remote the remote to push to and read from ({@code origin}), a name, URL or path
 * @param branch the branch to push to; empty for the branch that feeds the first environment fed by a branch
 *     ({@code main})
 * @param overrideReason why a refusal is overridden ({@code --force --reason}); recorded in the commit's
 *     {@code Slipway-Override} trailer; empty for no override
 * @param builtCommit the commit the image was built from, for the {@code Slipway-Commit} trailer; empty for
 *     {@code HEAD}
 */
public record WriteOptions(Mode mode, String remote, Optional<String> branch, Optional<String> overrideReason,
        Optional<CommitId> builtCommit) {

    /** How far a flow goes. */
    public enum Mode {
        /** Edit the work tree (and render); no commit. */
        WORK_TREE,
        /** Edit, render and commit on the current branch (or detached HEAD). */
        COMMIT,
        /** Edit the freshly fetched remote branch, commit and push, retrying while the remote moves. */
        PUSH
    }

    /** The remote used when none is given. */
    public static final String DEFAULT_REMOTE = "origin";

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the reason is blank
     */
    public WriteOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(overrideReason, "overrideReason");
        Objects.requireNonNull(builtCommit, "builtCommit");
        if (overrideReason.isPresent() && overrideReason.get().isBlank()) {
            throw new IllegalArgumentException("an override needs a reason (--force --reason TEXT)");
        }
    }

    /**
     * Edit the work tree only.
     *
     * @return the options
     */
    public static WriteOptions workTree() {
        return new WriteOptions(Mode.WORK_TREE, DEFAULT_REMOTE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Edit and commit.
     *
     * @return the options
     */
    public static WriteOptions commit() {
        return new WriteOptions(Mode.COMMIT, DEFAULT_REMOTE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Edit the remote branch's tip, commit and push.
     *
     * @param remote the remote
     * @param branch the branch, or empty for the default
     * @return the options
     */
    public static WriteOptions push(String remote, Optional<String> branch) {
        return new WriteOptions(Mode.PUSH, remote, branch, Optional.empty(), Optional.empty());
    }

    /**
     * These options with a refusal overridden.
     *
     * @param reason why
     * @return the options
     */
    public WriteOptions withOverride(String reason) {
        return new WriteOptions(mode, remote, branch, Optional.of(reason), builtCommit);
    }

    /**
     * These options with the commit the image was built from.
     *
     * @param commit the commit
     * @return the options
     */
    public WriteOptions withBuiltCommit(CommitId commit) {
        return new WriteOptions(mode, remote, branch, overrideReason, Optional.of(commit));
    }

    /**
     * Whether a commit is made.
     *
     * @return true for {@link Mode#COMMIT} and {@link Mode#PUSH}
     */
    public boolean commits() {
        return mode != Mode.WORK_TREE;
    }
}
