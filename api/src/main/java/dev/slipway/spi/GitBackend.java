package dev.slipway.spi;

import java.nio.file.Path;

/**
 * A way to read and write git repositories. Providers are found with
 * {@link java.util.ServiceLoader} and selected by {@link #id()}: the id named in configuration, else the
 * single provider present. The first-party provider is {@code git-jgit}.
 *
 * <p>Rules every backend follows (the {@code tck} module's {@code GitBackendContract} checks them):
 * <ol>
 *   <li>{@code GIT-1}: {@link #open} accepts a work tree root or a directory inside one, and a bare
 *       repository; a directory that is not in a repository is an
 *       {@link dev.slipway.api.InvalidInputException} naming it.</li>
 *   <li>{@code GIT-2}: opening does not write anything: not into the repository, not into the user's home.</li>
 *   <li>{@code GIT-21}: {@link #init} creates an empty repository in a directory (created when missing), as
 *       {@code git init [--bare] -b BRANCH} does: {@link #open} opens it afterwards, HEAD names
 *       {@code refs/heads/BRANCH} and no commit, and {@code git rev-parse --is-bare-repository} says whether
 *       it is bare. A directory that already holds a repository (a {@code .git} entry, or a bare repository)
 *       is an {@link dev.slipway.api.InvalidInputException} naming it, and is left as it was; so is an invalid
 *       branch name.</li>
 * </ol>
 * The rules of the operations are on {@link GitRepository}.
 */
public interface GitBackend extends Backend {

    /**
     * Opens the repository that holds a directory.
     *
     * @param directory a work tree root, a directory inside a work tree, or a bare repository
     * @return the open repository; close it when done
     * @throws dev.slipway.api.InvalidInputException if the directory is not in a git repository
     * @throws dev.slipway.api.BackendException if the repository cannot be read
     */
    GitRepository open(Path directory);

    /**
     * Creates an empty repository (rule {@code GIT-21}), such as the throwaway monorepo and bare remote of
     * {@code slipway demo}.
     *
     * @param directory the directory: the work tree's root, or the bare repository itself
     * @param bare whether to create a bare repository (no work tree)
     * @param initialBranch the branch HEAD names, such as {@code main}
     * @throws dev.slipway.api.InvalidInputException if the directory already holds a repository, or the branch
     *     name is invalid
     * @throws dev.slipway.api.BackendException if the repository cannot be written
     */
    void init(Path directory, boolean bare, String initialBranch);
}
