package dev.slipway.cli.internal;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Wires the {@code slipway} command tree: the streams, the error handling and the exit codes.
 */
public final class Cli {

    private Cli() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out where the command's output goes (UTF-8)
     * @param err where errors go (UTF-8)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, command -> { });
    }

    /**
     * Runs the command line on a command tree a caller may extend first (tests add commands).
     *
     * @param args the arguments
     * @param out where the command's output goes (UTF-8)
     * @param err where errors go (UTF-8)
     * @param customizer applied to the command tree before it runs
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<CommandLine> customizer) {
        Objects.requireNonNull(args, "args");
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine command = null;
        try {
            command = commandLine(outWriter, errWriter, customizer);
            return command.execute(args);
        } catch (RuntimeException | Error e) {
            // what picocli lets through: an Error thrown by a command, or a failure in the wiring itself
            return ErrorHandler.report(e, errWriter, command != null && ErrorHandler.verbose(command));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * The command tree, writing to the given streams.
     *
     * @param out where the command's output goes
     * @param err where errors go
     * @param customizer applied to the command tree before the streams and handlers are set, so that
     *     they reach the commands it adds
     * @return the command tree
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Consumer<CommandLine> customizer) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine command = new CommandLine(new SlipwayCommand());
        customizer.accept(command);
        return command
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
