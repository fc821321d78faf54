/**
 * The {@link dev.slipway.spi.RegistryBackend} on the OCI distribution API, id {@code registry-oci}:
 * {@link dev.slipway.registry.oci.OciRegistryBackend}, and the credentials sources it reads
 * ({@link dev.slipway.registry.oci.RegistryCredentials}, {@link dev.slipway.registry.oci.CredentialsSources}).
 */
package dev.slipway.registry.oci;
