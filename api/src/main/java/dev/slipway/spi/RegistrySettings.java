package dev.slipway.spi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RegistryBackend} is opened with: the {@code registry:} section of {@code slipway.yaml}
 * (or what a host sets in code), without secrets. A backend uses the settings that apply to it and
 * ignores the others (an OCI backend ignores {@code region}).
 *
 * @param url the registry's base URL, for OCI registries ({@code https://ghcr.io}, {@code http://127.0.0.1:5000})
 * @param region the AWS region, for ECR ({@code us-east-1})
 * @param endpoint an API endpoint override, for ECR ({@code http://127.0.0.1:4566})
 * @param credentials the name of the credentials source to use, such as {@code env}, {@code docker-config},
 *     {@code anonymous} or {@code ecr}; empty for the backend's default chain. A name, never a secret.
 */
public record RegistrySettings(Optional<URI> url, Optional<String> region, Optional<URI> endpoint,
        Optional<String> credentials) {

    /** No settings: each backend uses its defaults (the image's registry host, the SDK's region chain, ...). */
    public static final RegistrySettings NONE =
            new RegistrySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks the parts.
     */
    public RegistrySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * These settings with a base URL.
     *
     * @param url the registry's base URL
     * @return the new settings
     */
    public RegistrySettings withUrl(URI url) {
        return new RegistrySettings(Optional.of(url), region, endpoint, credentials);
    }

    /**
     * These settings with an AWS region.
     *
     * @param region the region, such as {@code us-east-1}
     * @return the new settings
     */
    public RegistrySettings withRegion(String region) {
        return new RegistrySettings(url, Optional.of(region), endpoint, credentials);
    }

    /**
     * These settings with an API endpoint override.
     *
     * @param endpoint the endpoint
     * @return the new settings
     */
    public RegistrySettings withEndpoint(URI endpoint) {
        return new RegistrySettings(url, region, Optional.of(endpoint), credentials);
    }

    /**
     * These settings with a named credentials source.
     *
     * @param source the source's name, such as {@code docker-config}
     * @return the new settings
     */
    public RegistrySettings withCredentials(String source) {
        return new RegistrySettings(url, region, endpoint, Optional.of(source));
    }
}
