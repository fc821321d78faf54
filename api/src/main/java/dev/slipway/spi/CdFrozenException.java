package dev.slipway.spi;

import dev.slipway.api.BackendException;
import java.io.Serial;
import java.util.Objects;

/**
 * The CD system refused to sync an application because a sync window (a freeze) is in force. Never
 * retried: the window decides when a sync may run.
 */
public class CdFrozenException extends BackendException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The application's name. */
    private final String app;

    /**
     * Creates the exception.
     *
     * @param app the application's name
     * @param message what was refused and what to do
     */
    public CdFrozenException(String app, String message) {
        super(message);
        this.app = Objects.requireNonNull(app, "app");
    }

    /**
     * The application whose sync was refused.
     *
     * @return the name
     */
    public String app() {
        return app;
    }
}
