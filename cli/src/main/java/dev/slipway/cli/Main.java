package dev.slipway.cli;

import dev.slipway.cli.internal.Cli;
import java.io.PrintStream;

/**
 * The {@code slipway} command's entry point.
 *
 * <p>Exit codes: 0 done; 1 internal error (a bug); 2 usage error; 3 invalid input, configuration or
 * repository state; 4 a backend failed; 5 a promotion was denied. Errors go to the error stream as one
 * line starting with {@code slipway: } (the stack trace follows only under {@code --verbose}); a run that
 * fails prints nothing on the output stream. Both streams are written in UTF-8.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting: what {@link #main(String[])} does, for tests and hosts that
     * run the CLI in process.
     *
     * @param args the arguments
     * @param out where the command's output goes
     * @param err where errors and diagnostics go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err);
    }
}
