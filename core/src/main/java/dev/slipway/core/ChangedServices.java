package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.List;
import java.util.Objects;

/**
 * The services whose path filters match the files changed between two commits.
 *
 * @param base the commit actually compared: the given base, or its merge base with head when it was not an
 *     ancestor of head, or {@link CommitId#ZERO} when every service counts as changed (a new branch)
 * @param head the head commit
 * @param services the changed services, sorted by path
 */
public record ChangedServices(CommitId base, CommitId head, List<ServiceId> services) {

    /**
     * Freezes the parts.
     */
    public ChangedServices {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        services = List.copyOf(services);
    }
}
