package dev.slipway.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The last (or current) operation of a CD application: a sync.
 *
 * @param phase the phase
 * @param message what the CD system says about it (typically the error); may be empty
 * @param revisions the revisions it syncs to (one per source), as far as known
 * @param startedAt when it started, if reported
 * @param finishedAt when it ended; empty while it runs
 */
public record CdOperation(CdOperationPhase phase, String message, List<String> revisions, Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    /**
     * Checks and freezes the parts.
     */
    public CdOperation {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        revisions = List.copyOf(revisions);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * The revision of the first (or only) source.
     *
     * @return the revision, if known
     */
    public Optional<String> revision() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(0));
    }
}
