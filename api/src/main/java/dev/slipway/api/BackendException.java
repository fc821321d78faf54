package dev.slipway.api;

import java.io.Serial;

/**
 * A backend (git, image registry, CD system, renderer) failed: I/O, a refusal, retries exhausted, a
 * deadline passed. The CLI maps this family to exit code 4.
 */
public class BackendException extends SlipwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, on which backend, and what to do
     */
    public BackendException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, on which backend, and what to do
     * @param cause the underlying failure
     */
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
