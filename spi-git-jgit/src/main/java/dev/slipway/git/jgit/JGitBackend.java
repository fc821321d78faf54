package dev.slipway.git.jgit;

import dev.slipway.git.jgit.internal.IsolatedSystemReader;
import dev.slipway.git.jgit.internal.JGitRepository;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitRepository;
import java.nio.file.Path;

/**
 * The git backend on Eclipse JGit, id {@value #ID}. Reads repositories in process, without a git
 * executable; passes the {@code tck} module's {@code GitBackendContract}.
 *
 * <p><b>The user's home.</b> Out of the box JGit reads the user's and the system's git configuration
 * ({@code ~/.gitconfig}, {@code $XDG_CONFIG_HOME/git/config}, {@code /etc/gitconfig}) and, the first time
 * it meets a file system, measures its timestamp resolution by writing probe files next to the
 * repository's files and saves the result into {@code ~/.config/jgit/config}. Which configuration JGit
 * reads is process-wide state (its {@code SystemReader}), so changing it is the host's call:
 * {@link #isolate()} does it, and the Slipway CLI always calls it. Once isolated, JGit sees empty user,
 * system and JGit configurations that are never saved, and assumes a coarse (2 s) timestamp resolution
 * instead of measuring one, so opening and reading a repository writes nothing anywhere (rule
 * {@code GIT-2}).
 *
 * <p><b>Who writes.</b> Commits and tags carry the identity git would record (rule {@code GIT-13}):
 * {@code GIT_AUTHOR_*} / {@code GIT_COMMITTER_*} from the environment, then {@code author.*},
 * {@code committer.*} and {@code user.*} from the repository's configuration; once isolated, the user's and
 * the system's files ({@code $GIT_CONFIG_GLOBAL} or {@code ~/.gitconfig} and
 * {@code $XDG_CONFIG_HOME/git/config}, {@code /etc/gitconfig} unless {@code GIT_CONFIG_NOSYSTEM}) are still read
 * for these keys alone, read-only; then {@code EMAIL}. With no name or e-mail the write is refused with a
 * message that says how to set one: never an identity guessed from the login and host name.
 *
 * <p><b>Credentials.</b> Fetch and push take credentials from the remote URL, the repository's
 * {@code http.extraHeader} (what {@code actions/checkout} configures), JGit's default
 * {@code CredentialsProvider} (a host may install one) and the environment: {@code SLIPWAY_GIT_TOKEN}, with
 * {@code SLIPWAY_GIT_USERNAME} (default {@code x-access-token}). Messages name remotes with user info and
 * known secrets replaced by {@code ***} (rule {@code GIT-19}). Pushes to a local path run JGit's receive side
 * in process, with lock files and compare-and-swap ref updates, so concurrent pushers never lose an update.
 */
public final class JGitBackend implements GitBackend {

    /** The backend's id, as named in {@code slipway.yaml}. */
    public static final String ID = "git-jgit";

    /**
     * Creates the backend; does no I/O.
     */
    public JGitBackend() {
    }

    /**
     * Keeps JGit, in this whole process, away from the user's home and the system configuration: installs
     * a JGit {@code SystemReader} whose user, system and JGit configurations are empty, in memory and never
     * saved, and which answers JGit's file-system timestamp question without probing. Idempotent;
     * wraps (and otherwise delegates to) the {@code SystemReader} installed before. Call it before opening
     * repositories, once, at start-up.
     */
    public static void isolate() {
        IsolatedSystemReader.install();
    }

    /**
     * Whether {@link #isolate()} is in effect for this process.
     *
     * @return true once isolated (and while no one replaced JGit's {@code SystemReader} since)
     */
    public static boolean isIsolated() {
        return IsolatedSystemReader.isInstalled();
    }

    /**
     * The backend's id.
     *
     * @return {@value #ID}
     */
    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens the repository that holds a directory: a work tree root, a directory inside a work tree (the
     * nearest enclosing repository, as git finds it), or a bare repository.
     *
     * @param directory the directory
     * @return the open repository; close it when done
     * @throws dev.slipway.api.InvalidInputException if the directory does not exist or is in no repository
     * @throws dev.slipway.api.BackendException if the repository cannot be read
     */
    @Override
    public GitRepository open(Path directory) {
        return JGitRepository.open(directory);
    }

    /**
     * Creates an empty repository, as {@code git init [--bare] -b BRANCH} does.
     *
     * @param directory the work tree's root, or the bare repository
     * @param bare whether the repository is bare
     * @param initialBranch the branch HEAD names
     * @throws dev.slipway.api.InvalidInputException if the directory already holds a repository or the branch
     *     name is invalid
     * @throws dev.slipway.api.BackendException if the repository cannot be written
     */
    @Override
    public void init(Path directory, boolean bare, String initialBranch) {
        dev.slipway.git.jgit.internal.Init.init(directory, bare, initialBranch);
    }

    @Override
    public String toString() {
        return "JGitBackend[" + ID + "]";
    }
}
