package dev.slipway.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one ref update of a push. A rejection is a result, not an exception.
 *
 * @param destination the remote ref name, as in the {@link PushSpec}
 * @param status the outcome
 * @param message the remote's or the backend's explanation, when there is one (never holding credentials)
 */
public record PushResult(String destination, Status status, Optional<String> message) {

    /**
     * Checks the parts.
     */
    public PushResult {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether the remote ref now holds what was pushed.
     *
     * @return true for {@link Status#OK} and {@link Status#UP_TO_DATE}
     */
    public boolean isSuccess() {
        return status == Status.OK || status == Status.UP_TO_DATE;
    }

    /**
     * Whether the push was refused because the remote ref moved (fetch, rebuild on the new tip, push again).
     *
     * @return true for {@link Status#REJECTED_NON_FAST_FORWARD} and {@link Status#REJECTED_REMOTE_CHANGED}
     */
    public boolean remoteMoved() {
        return status == Status.REJECTED_NON_FAST_FORWARD || status == Status.REJECTED_REMOTE_CHANGED;
    }

    /** The outcome of one ref update. */
    public enum Status {
        /** The remote ref was created or moved to the pushed commit. */
        OK,
        /** The remote ref already held the pushed object; nothing was sent. */
        UP_TO_DATE,
        /** The remote ref holds a commit the pushed one does not descend from (a fast-forward is impossible). */
        REJECTED_NON_FAST_FORWARD,
        /**
         * The remote moved under us: its ref holds a commit this repository does not have ("fetch first"), it
         * changed between the advertisement and the update ("stale info"), or another writer held its lock.
         */
        REJECTED_REMOTE_CHANGED,
        /** Any other refusal (a hook, a protected branch, a missing object, an invalid name); see the message. */
        REJECTED_OTHER
    }
}
