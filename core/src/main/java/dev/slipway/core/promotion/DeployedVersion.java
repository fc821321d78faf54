package dev.slipway.core.promotion;

import dev.slipway.api.CommitId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version an environment ran for a service, as the manifests' history records it.
 *
 * @param version the version at the marker, as written ({@code 0.2.3}, {@code 0.2.3-rc0004-gabc1234},
 *     {@code hotfix-123})
 * @param built the full id of the commit the image was built from, when recorded (the {@code Slipway-Commit}
 *     trailer); otherwise it is derived from the version
 * @param deployCommit the commit that set the marker to this version, when known
 * @param at when that commit was made, when known
 * @param rollback whether this deployment rolled the environment back to an earlier version
 */
public record DeployedVersion(String version, Optional<CommitId> built, Optional<CommitId> deployCommit,
        Optional<Instant> at, boolean rollback) {

    /**
     * Checks the parts.
     */
    public DeployedVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(built, "built");
        Objects.requireNonNull(deployCommit, "deployCommit");
        Objects.requireNonNull(at, "at");
    }

    /**
     * A deployment of which only the version is known (a marker value without history).
     *
     * @param version the version
     * @return the deployment
     */
    public static DeployedVersion of(String version) {
        return new DeployedVersion(version, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
