/**
 * The {@link dev.slipway.spi.RegistryBackend} on Amazon ECR, id {@code registry-ecr}:
 * {@link dev.slipway.registry.ecr.EcrRegistryBackend}; and {@link dev.slipway.registry.ecr.EcrCredentials}, ECR's
 * credentials for the OCI adapter.
 */
package dev.slipway.registry.ecr;
