package dev.slipway.spi;

import dev.slipway.api.BackendException;
import java.io.Serial;

/**
 * The CD system refused the credentials (none, expired, or unknown). The message says where the
 * credentials come from and how to get a valid one; it never quotes a secret.
 */
public class CdAuthenticationException extends BackendException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, by which server, and how to get a token
     */
    public CdAuthenticationException(String message) {
        super(message);
    }
}
