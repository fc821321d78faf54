package dev.slipway.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real repository driven with the git CLI (the oracle), with a fixed identity and clock. */
public final class GitFixture {

    private final Path dir;
    private final Path home;
    private int tick;

    public GitFixture(Path dir) {
        this.dir = dir;
        this.home = dir.resolveSibling(dir.getFileName() + "-home");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(home);
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

    public String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                "-c", "core.quotePath=false", "-c", "protocol.file.allow=always", "-c", "uploadpack.allowFilter=true"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Ada");
        env.put("GIT_AUTHOR_EMAIL", "ada@example.com");
        env.put("GIT_COMMITTER_NAME", "Ada");
        env.put("GIT_COMMITTER_EMAIL", "ada@example.com");
        String date = (1_767_225_600L + 60L * tick++) + " +0000";
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file (creating directories) without committing. */
    public GitFixture write(String path, String content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes files and commits everything; returns the new commit id. */
    public String commit(String message, String... paths) {
        for (String path : paths) {
            write(path, path + " " + tick + "\n");
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
