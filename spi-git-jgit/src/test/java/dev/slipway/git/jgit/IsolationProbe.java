package dev.slipway.git.jgit;

import dev.slipway.api.CommitId;
import dev.slipway.spi.GitRepository;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny program that reads a repository with the JGit backend, run by {@link JGitIsolationTest} in a
 * JVM of its own (so JGit's process-wide state starts fresh). Arguments: the repository, then
 * {@code isolate} or {@code default}. Prints what it read.
 */
public final class IsolationProbe {

    private IsolationProbe() {
    }

    /**
     * Reads the repository.
     *
     * @param args the repository directory, then {@code isolate} or {@code default}
     */
    public static void main(String[] args) {
        if (args[1].equals("isolate")) {
            JGitBackend.isolate();
        }
        try (GitRepository repository = new JGitBackend().open(Path.of(args[0]))) {
            CommitId head = repository.resolve("HEAD").orElseThrow();
            // read twice, so JGit re-checks the files it read (the point where it measures timestamps)
            for (int i = 0; i < 2; i++) {
                repository.resolve("main");
                repository.tags();
                repository.walk(List.of(head), List.of(), true);
                repository.readFile(head, "README.md");
            }
            System.out.println("HEAD=" + head.hex() + " count=" + repository.count(List.of(head), List.of())
                    + " isolated=" + JGitBackend.isIsolated());
        }
        try (GitRepository repository = new JGitBackend().open(Path.of(args[0]))) {
            repository.resolve("HEAD");
            repository.tags();
        }
    }
}
