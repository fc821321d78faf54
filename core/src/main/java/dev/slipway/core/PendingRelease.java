package dev.slipway.core;

import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import java.util.Objects;

/**
 * A release the versions file ({@code .slipway/versions.json}) records and no release tag marks yet: a
 * merged release plan waiting for {@code slipway release}. A release plan proposes nothing more for such a
 * service until the tag exists.
 *
 * @param service the service
 * @param version the version the versions file records
 * @param tag the tag {@code slipway release} creates for it
 */
public record PendingRelease(ServiceId service, Version version, ReleaseTag tag) {

    /**
     * Checks the parts.
     */
    public PendingRelease {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tag, "tag");
    }
}
