package dev.slipway.git.jgit.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.BranchName;
import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/** Creates empty repositories, as {@code git init [--bare] -b BRANCH} does (rule GIT-21). */
public final class Init {

    private Init() {
    }

    /**
     * Creates an empty repository.
     *
     * @param directory the work tree's root, or the bare repository
     * @param bare whether the repository is bare
     * @param initialBranch the branch HEAD names
     */
    public static void init(Path directory, boolean bare, String initialBranch) {
        Objects.requireNonNull(directory, "directory");
        String branch = BranchName.of(Objects.requireNonNull(initialBranch, "initialBranch")).name();
        Path absolute = directory.toAbsolutePath().normalize();
        String given = directory.toString();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InvalidInputException(given, "cannot create a git repository at \"" + given
                    + "\": it is a file, not a directory");
        }
        if (Files.exists(absolute.resolve(".git"))
                || RepositoryCache.FileKey.isGitRepository(absolute.toFile(), FS.DETECTED)) {
            throw new InvalidInputException(given, "\"" + given + "\" already holds a git repository; give a new or"
                    + " empty directory");
        }
        try {
            Files.createDirectories(absolute);
            try (Git git = Git.init().setDirectory(absolute.toFile()).setBare(bare).setInitialBranch(branch).call()) {
                // created; nothing else to do
                Objects.requireNonNull(git.getRepository(), "repository");
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw new BackendException("cannot create a git repository at \"" + given + "\": " + e.getMessage(), e);
        }
    }
}
