package dev.slipway.core.git;

import dev.slipway.git.jgit.JGitBackend;
import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GitOps monorepo behind a bare remote: {@code services/web} and {@code services/api}, staging and
 * production values files with markers, a clone whose git config names the deployer, and other clones the git
 * CLI writes through (other writers).
 */
public final class GitOpsWorld {

    static {
        JGitBackend.isolate();
    }

    /** The staging values file. */
    public static final String STAGING = "kubernetes/staging/values.yaml";
    /** The production values file. */
    public static final String PRODUCTION = "kubernetes/production/values.yaml";

    /** The staging values file as seeded. */
    public static final String STAGING_VALUES = """
            # staging values: the versions are written by the deployment
            web:
              image:
                repository: ghcr.io/acme/web
                tag: 0.1.0-rc0001-gaaaaaaa   # staging_services/web
              replicas: 2
            api:
              image:
                tag: "0.1.0"  # staging_services/api
            """;

    /** The production values file as seeded. */
    public static final String PRODUCTION_VALUES = """
            web:
              image:
                tag: 0.1.0 # production_services/web
            api:
              image:
                tag: 0.1.0 # production_services/api
            """;

    private final Path root;
    private final GitCli git;
    private final Path remote;
    private final Path work;
    private int clones;

    private GitOpsWorld(Path root) {
        this.root = root;
        this.git = new GitCli(root.resolve("home"));
        this.remote = root.resolve("remote.git");
        this.work = root.resolve("work");
    }

    /** Builds the world under a temporary directory. */
    public static GitOpsWorld create(Path root) {
        GitOpsWorld w = new GitOpsWorld(root);
        Path seed = root.resolve("seed");
        w.git.text(root, "init", "-q", "-b", "main", seed.toString());
        w.write(seed, "services/web/main.go", "package main\n");
        w.write(seed, "services/api/main.go", "package main\n");
        w.write(seed, STAGING, STAGING_VALUES);
        w.write(seed, PRODUCTION, PRODUCTION_VALUES);
        w.git.text(seed, "add", "-A");
        w.git.text(seed, "commit", "-q", "-m", "initial layout");
        w.git.text(root, "clone", "-q", "--bare", seed.toString(), w.remote.toString());
        w.git.text(root, "clone", "-q", w.remote.toString(), w.work.toString());
        w.configureDeployer(w.work);
        return w;
    }

    /** Names the deployer in a repository's git config (the identity of Slipway's commits). */
    public void configureDeployer(Path repository) {
        git.text(repository, "config", "user.name", "Slipway Deployer");
        git.text(repository, "config", "user.email", "deployer@slipway.invalid");
    }

    /** The bare remote. */
    public Path remote() {
        return remote;
    }

    /** The deployer's clone. */
    public Path work() {
        return work;
    }

    /** The git CLI. */
    public GitCli git() {
        return git;
    }

    /** Runs git in a repository; fails unless it succeeds. */
    public String git(Path repository, String... args) {
        return git.text(repository, args);
    }

    /** Another clone of the remote, fresh. */
    public Path clone(String name) {
        Path dir = root.resolve(name + "-" + clones++);
        git.text(root, "clone", "-q", remote.toString(), dir.toString());
        configureDeployer(dir);
        return dir;
    }

    /** Another writer commits files (path, content pairs) on the remote's main through its own clone. */
    public String otherWriterCommits(String message, String... pathsAndContents) {
        Path other = clone("other");
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            write(other, pathsAndContents[i], pathsAndContents[i + 1]);
        }
        git.text(other, "add", "-A");
        git.text(other, "commit", "-q", "-m", message);
        git.text(other, "push", "-q", "origin", "main");
        return git.text(other, "rev-parse", "HEAD");
    }

    /** A file of the remote's main, as text. */
    public String remoteFile(String path) {
        return git.text(remote, "show", "main:" + path) + "\n";
    }

    /** A file of a work tree, as text. */
    public static String read(Path repository, String path) {
        try {
            return Files.readString(repository.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of a work tree. */
    public void write(Path repository, String path, String content) {
        try {
            Path file = repository.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
