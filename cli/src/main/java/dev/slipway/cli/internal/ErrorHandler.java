package dev.slipway.cli.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidInputException;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into an exit code and one line {@code slipway: <message>} on the error stream,
 * followed by the stack trace only under {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    ErrorHandler() {
    }

    /**
     * The exit code for an exception a command threw.
     *
     * @param failure the exception
     * @return 3 for invalid input, 4 for a failed backend, 1 for anything else (a bug)
     */
    static int exitCode(Throwable failure) {
        if (failure instanceof InvalidInputException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (failure instanceof BackendException) {
            return ExitCodes.BACKEND_FAILED;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A usage error: picocli's message and where to find help. */
    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        StringBuilder line = new StringBuilder("slipway: ").append(oneLine(usageMessage(failure, command)));
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        line.append("; see '").append(command.getCommandSpec().qualifiedName()).append(" --help'");
        PrintWriter err = command.getErr();
        err.println(line);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String usageMessage(ParameterException failure, CommandLine command) {
        // picocli reports a mistyped command as an unmatched positional argument
        if (failure instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        return failure.getMessage();
    }

    /** A failure of a command that parsed. */
    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        return report(failure, command.getErr(), verbose(command));
    }

    /**
     * Reports a failure on the error stream.
     *
     * @param failure the failure
     * @param err the error stream
     * @param verbose whether to print the stack trace too
     * @return the exit code for the failure
     */
    static int report(Throwable failure, PrintWriter err, boolean verbose) {
        int exitCode = exitCode(failure);
        if (exitCode == ExitCodes.INTERNAL_ERROR) {
            err.println("slipway: internal error: " + oneLine(String.valueOf(failure))
                    + (verbose ? " (a bug in slipway: please report it with the stack trace below)"
                            : " (a bug in slipway: run again with --verbose for the stack trace, and please report it)"));
        } else {
            String message = failure.getMessage();
            err.println("slipway: " + oneLine(message == null || message.isBlank() ? failure.getClass().getName() : message));
        }
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /**
     * Whether {@code --verbose} was given, as far as the command line was parsed.
     *
     * @param command any command of the tree
     * @return true under {@code --verbose}
     */
    static boolean verbose(CommandLine command) {
        return command.getCommandSpec().root().userObject() instanceof SlipwayCommand slipway && slipway.verbose();
    }

    /** Folds a message onto one line and defuses control characters (a message may quote user input). */
    static String oneLine(String message) {
        String line = LINE_BREAKS.matcher(message.strip()).replaceAll(" ");
        return CONTROLS.matcher(line).replaceAll("?");
    }
}
