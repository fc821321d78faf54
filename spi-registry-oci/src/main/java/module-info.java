/**
 * The registry backend on the OCI distribution API (id {@code registry-oci}):
 * {@link dev.slipway.registry.oci.OciRegistryBackend}, on {@code java.net.http} only. Credentials come from a
 * {@link dev.slipway.registry.oci.RegistryCredentials} source: the environment, docker's {@code config.json},
 * one a host hands in, or one another adapter provides (the ECR adapter provides {@code ecr}).
 */
module dev.slipway.registry.oci {
    requires transitive dev.slipway.api;
    requires java.net.http;

    exports dev.slipway.registry.oci;

    uses dev.slipway.registry.oci.RegistryCredentials;

    provides dev.slipway.spi.RegistryBackend with dev.slipway.registry.oci.OciRegistryBackend;
}
