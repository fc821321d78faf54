package dev.slipway.api;

import java.io.Serial;

/**
 * The input is not a release tag name or a tag pattern's output, as {@link ReleaseTag} and {@link TagPattern} require.
 */
public class InvalidReleaseTagException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param input the offending input, verbatim
     * @param message the rule it breaks, quoting it
     */
    public InvalidReleaseTagException(String input, String message) {
        super(input, message);
    }
}
