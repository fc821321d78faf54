package dev.slipway.cli.internal;

/**
 * The exit codes of the {@code slipway} command, as the CLI contract defines them.
 */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;

    /** An unexpected exception: a bug in Slipway. */
    static final int INTERNAL_ERROR = 1;

    /** The command line is wrong: an unknown option or command, a missing or malformed parameter. */
    static final int USAGE = 2;

    /** Invalid input, configuration or repository state ({@link dev.slipway.api.InvalidInputException}). */
    static final int INVALID_INPUT = 3;

    /** A backend (git, registry, CD system, renderer) failed ({@link dev.slipway.api.BackendException}). */
    static final int BACKEND_FAILED = 4;

    /** A promotion was denied; the full decision is printed on the output stream. */
    static final int PROMOTION_DENIED = 5;

    private ExitCodes() {
    }
}
