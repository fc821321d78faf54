package dev.slipway.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What feeds an environment ({@code from}): a branch ({@code branch main}), release tags
 * ({@code release-tag}) or manual deploys only ({@code manual}).
 *
 * @param kind the kind of source
 * @param branch the branch, for {@link Kind#BRANCH} only
 */
public record EnvironmentSource(Kind kind, Optional<String> branch) {

    /** The kinds of source. */
    public enum Kind {
        /** Builds of a branch, such as {@code main}: staging versions. */
        BRANCH,
        /** Release tags: release versions. */
        RELEASE_TAG,
        /** Only versions a user gives. */
        MANUAL
    }

    /**
     * Checks that a branch is given exactly for {@link Kind#BRANCH}.
     *
     * @throws IllegalArgumentException if not
     */
    public EnvironmentSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(branch, "branch");
        if ((kind == Kind.BRANCH) != branch.isPresent()) {
            throw new IllegalArgumentException("a branch is given exactly for the BRANCH kind");
        }
    }

    /**
     * Builds of a branch.
     *
     * @param branch the branch name, such as {@code main}
     * @return the source
     */
    public static EnvironmentSource branch(String branch) {
        return new EnvironmentSource(Kind.BRANCH, Optional.of(branch));
    }

    /**
     * Release tags.
     *
     * @return the source
     */
    public static EnvironmentSource releaseTag() {
        return new EnvironmentSource(Kind.RELEASE_TAG, Optional.empty());
    }

    /**
     * Manual deploys only.
     *
     * @return the source
     */
    public static EnvironmentSource manual() {
        return new EnvironmentSource(Kind.MANUAL, Optional.empty());
    }

    /**
     * The text form used in {@code slipway.yaml}.
     *
     * @return {@code branch main}, {@code release-tag} or {@code manual}
     */
    @Override
    public String toString() {
        return switch (kind) {
            case BRANCH -> "branch " + branch.orElseThrow();
            case RELEASE_TAG -> "release-tag";
            case MANUAL -> "manual";
        };
    }
}
