package dev.slipway.core.config;

import dev.slipway.spi.RegistrySettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code registry} section. No registry is used unless a backend is named. Credentials never come
 * from here: they come from the environment or the platform's credential chain.
 *
 * @param backend the registry backend id, such as {@code registry-oci} or {@code registry-ecr} ({@code backend})
 * @param url the registry's address, for OCI registries ({@code url})
 * @param region the AWS region, for ECR ({@code region})
 * @param endpoint an endpoint override, for ECR ({@code endpoint})
 * @param retag promote by retagging the verified image instead of rebuilding ({@code retag})
 */
public record RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region,
        Optional<URI> endpoint, boolean retag) {

    /** The embedded default: no registry. */
    public static final RegistryConfig DEFAULT =
            new RegistryConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

    /**
     * Checks the parts.
     */
    public RegistryConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * The settings a registry backend is opened with.
     *
     * @return the url, region and endpoint of this section
     */
    public RegistrySettings settings() {
        return new RegistrySettings(url, region, endpoint, Optional.empty());
    }
}
