package dev.slipway.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition a CD system reports on an application, such as {@code ComparisonError} or
 * {@code SyncError}.
 *
 * @param type the condition type as the CD system names it
 * @param message the condition's message (may be empty)
 * @param lastTransitionTime when the condition appeared, if reported
 */
public record CdCondition(String type, String message, Optional<Instant> lastTransitionTime) {

    /**
     * Checks the parts.
     */
    public CdCondition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
    }

    /**
     * A condition without a transition time.
     *
     * @param type the type
     * @param message the message
     * @return the condition
     */
    public static CdCondition of(String type, String message) {
        return new CdCondition(type, message, Optional.empty());
    }

    /**
     * Whether the condition is an error (Argo CD's rule: its type ends in {@code Error}).
     *
     * @return true for {@code ComparisonError}, {@code InvalidSpecError}, {@code SyncError}, ...
     */
    public boolean isError() {
        return type.endsWith("Error");
    }
}
