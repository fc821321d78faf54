package dev.slipway.api;

import java.io.Serial;

/**
 * The input is not a SemVer 2.0.0 version, as {@link Version} require.
 */
public class InvalidVersionException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param input the offending input, verbatim
     * @param message the rule it breaks, quoting it
     */
    public InvalidVersionException(String input, String message) {
        super(input, message);
    }
}
