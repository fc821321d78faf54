package dev.slipway.api;

import dev.slipway.api.internal.RefNames;
import java.util.Objects;

/**
 * A git branch name such as {@code main} or {@code release/2026-11}, without {@code refs/heads/}; it
 * passes git's reference name rules ({@code git check-ref-format --branch}).
 *
 * @param name the branch name
 */
public record BranchName(String name) {

    /**
     * Validates the name.
     *
     * @throws InvalidInputException if the name breaks git's reference name rules
     */
    public BranchName {
        Objects.requireNonNull(name, "name");
        String problem = name.startsWith("-") ? "it starts with '-'" : RefNames.tagNameProblem(name);
        if (problem != null) {
            throw new InvalidInputException(name, "invalid branch name \"" + name + "\": " + problem
                    + " (git check-ref-format rules); name a branch such as main");
        }
    }

    /**
     * The branch with this name.
     *
     * @param name for example {@code main}
     * @return the branch name
     * @throws InvalidInputException if the name breaks git's reference name rules
     */
    public static BranchName of(String name) {
        return new BranchName(name);
    }

    /**
     * The full reference name, {@code refs/heads/<name>}.
     *
     * @return the ref name
     */
    public String refName() {
        return "refs/heads/" + name;
    }

    /**
     * The name.
     *
     * @return the branch name
     */
    @Override
    public String toString() {
        return name;
    }
}
