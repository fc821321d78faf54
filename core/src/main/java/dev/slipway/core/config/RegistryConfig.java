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
 * @param requireImage whether {@code deploy} and {@code promote} refuse a version whose image the registry lacks,
 *     before writing a manifest ({@code require-image}, default true; only with a registry backend)
 */
public record RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region,
        Optional<URI> endpoint, boolean retag, boolean requireImage) {

    /** The embedded default: no registry. */
    public static final RegistryConfig DEFAULT =
            new RegistryConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, true);

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
     * A section that requires images (the default).
     *
     * @param backend the registry backend id
     * @param url the registry's address
     * @param region the AWS region
     * @param endpoint an endpoint override
     * @param retag promote by retagging
     */
    public RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region, Optional<URI> endpoint,
            boolean retag) {
        this(backend, url, region, endpoint, retag, true);
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
