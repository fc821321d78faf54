package dev.slipway.core;

import dev.slipway.api.ImageTag;
import dev.slipway.api.ServiceId;
import java.util.Objects;

/**
 * One version to set: every marker of a service in an environment gets it.
 *
 * @param service the service
 * @param environment the environment's name
 * @param version the new value, a valid image tag ({@code 0.2.3-rc0029-g1234567}, {@code 0.2.3}, {@code hotfix-123})
 */
public record Deployment(ServiceId service, String environment, String version) {

    /**
     * Checks the parts.
     *
     * @throws dev.slipway.api.InvalidImageTagException if the version is not a valid image tag
     */
    public Deployment {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        ImageTag.of(version);
    }

    /**
     * A deployment.
     *
     * @param service the service
     * @param environment the environment's name
     * @param version the new value
     * @return the deployment
     */
    public static Deployment of(ServiceId service, String environment, String version) {
        return new Deployment(service, environment, version);
    }
}
