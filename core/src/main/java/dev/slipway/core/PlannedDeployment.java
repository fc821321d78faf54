package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment a flow plans: once the host has built and pushed the image, this version of this service goes
 * to this environment.
 *
 * @param service the service
 * @param environment the environment
 * @param version the version (the image tag)
 * @param commit the commit the image is built from (recorded as the {@code Slipway-Commit} trailer)
 * @param image the image repository, when configured ({@code services[].image})
 */
public record PlannedDeployment(ServiceId service, String environment, String version, CommitId commit,
        Optional<String> image) {

    /**
     * Checks the parts.
     */
    public PlannedDeployment {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(image, "image");
    }

    /**
     * The image reference the host builds and pushes, such as {@code ghcr.io/acme/web:0.2.3}.
     *
     * @return the reference, or empty when the service has no image configured
     */
    public Optional<String> imageReference() {
        return image.map(i -> i + ":" + version);
    }
}
