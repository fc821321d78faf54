package dev.slipway.api;

import java.io.Serial;

/**
 * The input is not a content digest, as {@link Digest} requires.
 */
public class InvalidDigestException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param input the offending input, verbatim
     * @param message the rule it breaks, quoting it
     */
    public InvalidDigestException(String input, String message) {
        super(input, message);
    }
}
