/**
 * The registry backend on Amazon ECR's API (id {@code registry-ecr}): {@link dev.slipway.registry.ecr.EcrRegistryBackend},
 * on the AWS SDK for Java v2 with the URL-connection HTTP client; and {@link dev.slipway.registry.ecr.EcrCredentials},
 * the {@code ecr} credentials source through which the OCI adapter reaches ECR's registry endpoint. The SDK's jars
 * are automatic modules, hence the suppressed warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.slipway.registry.ecr {
    requires transitive dev.slipway.api;
    requires transitive dev.slipway.registry.oci;
    // in the builders' signatures: a host's own credentials provider and retry strategy
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.identity.spi;
    requires transitive software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.services.ecr;

    exports dev.slipway.registry.ecr;

    provides dev.slipway.spi.RegistryBackend with dev.slipway.registry.ecr.EcrRegistryBackend;
    provides dev.slipway.registry.oci.RegistryCredentials with dev.slipway.registry.ecr.EcrCredentials;
}
