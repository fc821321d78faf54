package dev.slipway.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a CD application's deployment history: a sync that succeeded.
 *
 * @param id the CD system's id of the entry (increasing)
 * @param revisions the revisions deployed (one per source)
 * @param deployStartedAt when the sync started, if reported
 * @param deployedAt when it ended
 * @param initiatedBy the user who started it, if a user did
 * @param automated whether the CD system started it on its own (auto-sync)
 */
public record CdDeployment(long id, List<String> revisions, Optional<Instant> deployStartedAt, Instant deployedAt,
        Optional<String> initiatedBy, boolean automated) {

    /**
     * Checks and freezes the parts.
     */
    public CdDeployment {
        revisions = List.copyOf(revisions);
        Objects.requireNonNull(deployStartedAt, "deployStartedAt");
        Objects.requireNonNull(deployedAt, "deployedAt");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
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
