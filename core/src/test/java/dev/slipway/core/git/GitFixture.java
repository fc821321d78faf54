package dev.slipway.core.git;

import dev.slipway.git.jgit.JGitBackend;
import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real repository driven with the git CLI (the kit's {@link GitCli}, also the oracle). */
public final class GitFixture {

    static {
        // the engines' tests read repositories through JGit; keep it out of the user's home as the CLI does
        JGitBackend.isolate();
    }

    private final Path dir;
    private final GitCli git;
    private int files;

    public GitFixture(Path dir) {
        this.dir = dir;
        this.git = new GitCli(dir.resolveSibling(dir.getFileName() + "-home"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GitFixture init(Path dir) {
        GitFixture f = new GitFixture(dir);
        f.git("init", "-q", "-b", "main");
        return f;
    }

    public Path dir() {
        return dir;
    }

    /** Runs git; fails with git's message unless it succeeds. */
    public String git(String... args) {
        return git.text(dir, args);
    }

    /** Writes files (with fresh content) and commits everything; returns the new commit id. */
    public String commit(String message, String... paths) {
        try {
            for (String path : paths) {
                Path p = dir.resolve(path);
                Files.createDirectories(p.getParent());
                Files.writeString(p, path + " " + files++ + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD");
    }

    public void tag(String name) {
        git("tag", name);
    }

    public void annotatedTag(String name) {
        git("tag", "-a", name, "-m", "release " + name);
    }

    public long count(String range) {
        return Long.parseLong(git("rev-list", "--count", range));
    }
}
