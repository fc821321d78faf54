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
}
