package dev.slipway.bench;

import dev.slipway.api.ConventionalCommit;
import java.nio.file.Path;
import java.util.List;

/**
 * Parses the corpus once with {@link ConventionalCommit#parse} and prints how many messages are conventional:
 * the whole-process (one-shot) counterpart of {@code node ccp-bench.mjs once}.
 */
public final class ParseOnce {

    private ParseOnce() {
    }

    /**
     * Runs it.
     *
     * @param args the corpus file
     */
    public static void main(String[] args) {
        List<String> messages = CommitCorpus.read(Path.of(args[0]));
        System.out.println(ParseBenchmark.parseAll(messages));
    }
}
