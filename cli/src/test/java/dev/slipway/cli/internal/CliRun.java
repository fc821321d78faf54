package dev.slipway.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * One run of the command line in process: its exit code and what it wrote on each stream.
 *
 * @param exitCode the exit code
 * @param out the output stream's text
 * @param err the error stream's text
 */
public record CliRun(int exitCode, String out, String err) {

    /** The interface every run goes through. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs the command line.
         *
         * @param args the arguments
         * @param out the output stream
         * @param err the error stream
         * @return the exit code
         */
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /**
     * Runs the command line with a runner, capturing both streams.
     *
     * @param runner the entry point
     * @param args the arguments
     * @return the run
     */
    public static CliRun of(Runner runner, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = runner.run(args, outStream, errStream);
        }
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the command tree with extra commands added (test probes).
     *
     * @param customizer what to add
     * @param args the arguments
     * @return the run
     */
    static CliRun with(Consumer<CommandLine> customizer, String... args) {
        return of((a, out, err) -> Cli.run(a, out, err, customizer), args);
    }

    /**
     * Runs the command tree as {@code main} does.
     *
     * @param args the arguments
     * @return the run
     */
    static CliRun of(String... args) {
        return of(Cli::run, args);
    }

    /**
     * The error stream's lines.
     *
     * @return the lines
     */
    public List<String> errLines() {
        return err.lines().toList();
    }
}
