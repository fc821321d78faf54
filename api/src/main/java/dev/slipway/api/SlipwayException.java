package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * The root of every exception Slipway throws on purpose. Unchecked: a host catches it where it can act.
 *
 * <p>Messages say what failed, quote the offending value, and say what was expected or what to do.
 * They never contain secrets (tokens, keys, passwords).
 */
public class SlipwayException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed and what to do
     * @throws NullPointerException if {@code message} is null: every Slipway error says what failed
     */
    public SlipwayException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying failure; use {@link #SlipwayException(String)} when there is none
     * @throws NullPointerException if {@code message} or {@code cause} is null
     */
    public SlipwayException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
    }
}
