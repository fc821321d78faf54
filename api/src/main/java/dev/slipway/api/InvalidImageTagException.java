package dev.slipway.api;

import java.io.Serial;

/**
 * The input is not an image tag, as {@link ImageTag} require.
 */
public class InvalidImageTagException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param input the offending input, verbatim
     * @param message the rule it breaks, quoting it
     */
    public InvalidImageTagException(String input, String message) {
        super(input, message);
    }
}
