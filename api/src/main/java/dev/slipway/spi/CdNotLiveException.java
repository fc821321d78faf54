package dev.slipway.spi;

import dev.slipway.api.BackendException;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * Waiting for a commit to run live ({@link CdClient#awaitLive}) ended without it: the application is
 * degraded or missing at that commit, its sync failed, the CD system reports an error condition, or the
 * deadline passed.
 */
public class CdNotLiveException extends BackendException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the wait ended. */
    public enum Reason {
        /** The application runs the commit and its health is {@code Degraded}. */
        DEGRADED,
        /** The application runs the commit and a resource is {@code Missing}. */
        MISSING,
        /** The sync to the commit ended {@code Failed} or {@code Error}. */
        OPERATION_FAILED,
        /** The CD system reports a {@code ComparisonError} or {@code InvalidSpecError} condition. */
        ERROR_CONDITION,
        /** The deadline passed before the commit ran Synced and Healthy. */
        DEADLINE
    }

    /** The application's name. */
    private final String app;
    /** Why the wait ended. */
    private final Reason reason;
    /** The last state observed (not serialized). */
    private final transient CdAppState lastState;

    /**
     * Creates the exception.
     *
     * @param app the application's name
     * @param reason why the wait ended
     * @param lastState the last state observed, if one was
     * @param message what was awaited and what was observed
     */
    public CdNotLiveException(String app, Reason reason, Optional<CdAppState> lastState, String message) {
        super(message);
        this.app = Objects.requireNonNull(app, "app");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lastState = Objects.requireNonNull(lastState, "lastState").orElse(null);
    }

    /**
     * The application waited for.
     *
     * @return the name
     */
    public String app() {
        return app;
    }

    /**
     * Why the wait ended.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The last state observed before the wait ended.
     *
     * @return the state; empty when none was observed or after deserialization
     */
    public Optional<CdAppState> lastState() {
        return Optional.ofNullable(lastState);
    }
}
