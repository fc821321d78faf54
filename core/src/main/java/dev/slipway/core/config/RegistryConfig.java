package dev.slipway.core.config;

import dev.slipway.spi.RegistrySettings;
import java.util.regex.Pattern;
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
 * @param credentials the name of the credentials source, for OCI registries ({@code credentials}: {@code env},
 *     {@code docker-config}, {@code anonymous}, {@code ecr}, ...); a name, never a secret
 * @param requireImage whether {@code deploy} and {@code promote} refuse a version whose image the registry lacks,
 *     before writing a manifest ({@code require-image}, default true; only with a registry backend)
 */
public record RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region,
        Optional<URI> endpoint, boolean retag, Optional<String> credentials, boolean requireImage) {

    /** What a credentials source name looks like; anything else may be a secret pasted by mistake. */
    public static final Pattern CREDENTIALS_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** The embedded default: no registry. */
    public static final RegistryConfig DEFAULT = new RegistryConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty(), true);

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the credentials source is not a name (the message does not repeat it)
     */
    public RegistryConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.isPresent() && !CREDENTIALS_NAME.matcher(credentials.get()).matches()) {
            throw new IllegalArgumentException("the credentials source must be a name such as docker-config");
        }
    }

    /**
     * The section without a credentials source (the default chain).
     *
     * @param backend the backend id
     * @param url the OCI registry's address
     * @param region the AWS region
     * @param endpoint the ECR endpoint override
     * @param retag promote by retagging
     */
    public RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region, Optional<URI> endpoint,
            boolean retag) {
        this(backend, url, region, endpoint, retag, Optional.empty(), true);
    }

    /**
     * A section that requires images (the default).
     *
     * @param backend the backend id
     * @param url the OCI registry's address
     * @param region the AWS region
     * @param endpoint the ECR endpoint override
     * @param retag promote by retagging
     * @param credentials the credentials source's name
     */
    public RegistryConfig(Optional<String> backend, Optional<URI> url, Optional<String> region, Optional<URI> endpoint,
            boolean retag, Optional<String> credentials) {
        this(backend, url, region, endpoint, retag, credentials, true);
    }

    /**
     * The settings a registry backend is opened with.
     *
     * @return the url, region, endpoint and credentials source of this section
     */
    public RegistrySettings settings() {
        return new RegistrySettings(url, region, endpoint, credentials);
    }
}
