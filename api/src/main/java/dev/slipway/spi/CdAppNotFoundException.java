package dev.slipway.spi;

import dev.slipway.api.InvalidInputException;
import java.io.Serial;

/**
 * The CD system has no application of that name (in the configured project and namespace): the
 * configuration ({@code services[].cd}, {@code cd.project}, {@code cd.app-namespace}) names the wrong
 * one. The offending {@link #input()} is the application's name.
 */
public class CdAppNotFoundException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param app the application's name
     * @param message what was asked, where, and what to check
     */
    public CdAppNotFoundException(String app, String message) {
        super(app, message);
    }

    /**
     * The application's name.
     *
     * @return the name
     */
    public String app() {
        return input();
    }
}
