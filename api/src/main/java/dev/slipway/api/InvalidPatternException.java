package dev.slipway.api;

import java.io.Serial;

/**
 * The input is not a pattern of the configuration (release tag, pre-release, marker, message template), as {@link TagPattern}, {@link StagingScheme} and the configuration require.
 */
public class InvalidPatternException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param input the offending input, verbatim
     * @param message the rule it breaks, quoting it
     */
    public InvalidPatternException(String input, String message) {
        super(input, message);
    }
}
