package dev.slipway.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code environments} section.
 *
 * @param name the environment's name, {@code [a-z0-9-]+} ({@code name})
 * @param from what feeds it ({@code from})
 * @param cluster the cluster it runs on, filling {@code {cluster}} in {@code gitops.render} ({@code cluster})
 * @param promotion its promotion policy ({@code promotion})
 */
public record EnvironmentConfig(String name, EnvironmentSource from, Optional<String> cluster,
        Optional<Promotion> promotion) {

    /**
     * Checks the parts.
     */
    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(promotion, "promotion");
    }
}
