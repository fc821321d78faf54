package dev.slipway.bench;

import dev.slipway.api.ConventionalCommit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing the {@link CommitCorpus} (100,000 messages; one operation = the whole corpus): Slipway's
 * {@link ConventionalCommit#parse} in-process (warm) and as a whole {@code java} process (one-shot), against the
 * npm package conventional-commits-parser run by node, warm (one node process that parses the corpus each time
 * the harness asks over a pipe; the round trip costs well under a millisecond) and one-shot (a whole
 * {@code node} process per corpus).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParseBenchmark {

    /**
     * Parses every message.
     *
     * @param messages the messages
     * @return how many are conventional
     */
    static int parseAll(List<String> messages) {
        int n = 0;
        for (String m : messages) {
            if (ConventionalCommit.parse(m).isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** The corpus in memory. */
    @State(Scope.Benchmark)
    public static class Corpus {
        List<String> messages;

        /** Reads the corpus file. */
        @Setup(Level.Trial)
        public void setUp() {
            messages = CommitCorpus.read(BenchEnv.corpus());
        }
    }

    /** A node process that parses the corpus on request. */
    @State(Scope.Benchmark)
    public static class NodeServer {
        Process process;
        OutputStream in;
        BufferedReader out;

        /** Starts node. */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            process = Proc.builder(BenchEnv.nodeDir(), BenchEnv.node("serve")).redirectError(BenchEnv.errFile().toFile())
                    .start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Ends node. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The one-shot commands, prepared. */
    @State(Scope.Benchmark)
    public static class Processes {
        ProcessBuilder java;
        ProcessBuilder node;
        Path err;

        /** Prepares the commands. */
        @Setup(Level.Trial)
        public void setUp() {
            err = BenchEnv.errFile();
            String jar;
            try {
                jar = Path.of(ParseBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            java = Proc.timed(BenchEnv.nodeDir(), List.of(Proc.java(), "-cp", jar, ParseOnce.class.getName(),
                    BenchEnv.corpus().toString()), err);
            node = Proc.timed(BenchEnv.nodeDir(), BenchEnv.node("once"), err);
        }
    }

    /**
     * Slipway in-process, warm.
     *
     * @param c the corpus
     * @return how many messages are conventional
     */
    @Benchmark
    public int slipwayWarm(Corpus c) {
        return parseAll(c.messages);
    }

    /**
     * conventional-commits-parser in a warm node process.
     *
     * @param n the node process
     * @return how many messages have a type
     * @throws IOException if the pipe breaks
     */
    @Benchmark
    public int nodeWarm(NodeServer n) throws IOException {
        n.in.write('\n');
        n.in.flush();
        String line = n.out.readLine();
        if (line == null) {
            throw new UncheckedIOException(new IOException("node ended; see its stderr"));
        }
        return Integer.parseInt(line.strip());
    }

    /**
     * {@code java -cp benchmarks.jar dev.slipway.bench.ParseOnce CORPUS}, a whole process.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 3)
    public long slipwayOneShot(Processes p) {
        return Proc.runTimed(p.java, p.err);
    }

    /**
     * {@code node ccp-bench.mjs once CORPUS}, a whole process.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 3)
    public long nodeOneShot(Processes p) {
        return Proc.runTimed(p.node, p.err);
    }
}
