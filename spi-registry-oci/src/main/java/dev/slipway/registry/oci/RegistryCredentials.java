package dev.slipway.registry.oci;

import java.util.Optional;

/**
 * A source of registry credentials, asked per registry host. The built-in sources are in
 * {@link CredentialsSources}; a host hands its own to {@link OciRegistryBackend.Builder#credentials}, and
 * another module can provide one with {@link java.util.ServiceLoader} (public no-arg constructor,
 * {@code provides dev.slipway.registry.oci.RegistryCredentials with ...}), which
 * {@code registry.credentials: <name>} then selects by {@link #name()}; the ECR adapter provides {@code ecr}.
 *
 * <p>Implementations never put secrets into {@code toString()}, exception messages or logs, and may be
 * called from several threads.
 */
public interface RegistryCredentials {

    /**
     * The source's name, as {@code registry.credentials} names it and as error messages report it.
     *
     * @return a name such as {@code env}, {@code docker-config} or {@code ecr}
     */
    String name();

    /**
     * The credential for a registry.
     *
     * @param host the registry's host, with the port when it is not the default ({@code ghcr.io},
     *     {@code 127.0.0.1:5000}, {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com})
     * @return the credential, or empty when this source has none for the host (anonymous access)
     * @throws dev.slipway.api.SlipwayException if the source exists but cannot be read (a malformed file, a
     *     failing credential helper, an AWS call that fails)
     */
    Optional<Credential> lookup(String host);
}
