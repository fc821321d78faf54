package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * Something a user, a host or a configuration file supplied is not acceptable. Carries the offending
 * input verbatim; the message quotes it and says what was expected.
 *
 * <p>The CLI maps this family to exit code 3 (invalid input, configuration or repository state).
 */
public class InvalidInputException extends SlipwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The offending input, verbatim. */
    private final String input;

    /**
     * Creates an exception for an input.
     *
     * @param input the offending input, verbatim
     * @param message what is wrong with it and what was expected
     */
    public InvalidInputException(String input, String message) {
        super(message);
        this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * Creates an exception for an input, with a cause.
     *
     * @param input the offending input, verbatim
     * @param message what is wrong with it and what was expected
     * @param cause the underlying failure
     */
    public InvalidInputException(String input, String message, Throwable cause) {
        super(message, cause);
        this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * The offending input, exactly as given.
     *
     * @return the input
     */
    public String input() {
        return input;
    }
}
