package dev.slipway.registry.ecr;

import dev.slipway.api.BackendException;
import dev.slipway.registry.ecr.internal.EcrClients;
import dev.slipway.registry.oci.Credential;
import dev.slipway.registry.oci.RegistryCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * ECR's registry credentials for the OCI adapter (name {@code ecr}): {@code GetAuthorizationToken} in the region of
 * the registry host ({@code <account>.dkr.ecr.<region>.amazonaws.com}), decoded to the user {@code AWS} and its
 * 12-hour password, cached until shortly before it expires. Hosts that are not ECR registries get none. With
 * {@code registry.backend: registry-oci} and {@code registry.credentials: ecr}, Slipway reaches ECR through the
 * distribution API; the OCI module itself stays free of the AWS SDK.
 */
public final class EcrCredentials implements RegistryCredentials {

    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final EcrClients clients;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Credential credential, Instant expires) {
    }

    /**
     * The source with the SDK's defaults (default credentials chain, the pinned retry strategy), as
     * {@link java.util.ServiceLoader} creates it.
     */
    public EcrCredentials() {
        this(Optional.empty(), null, EcrRegistryBackend.defaultRetryStrategy(), Clock.systemUTC());
    }

    private EcrCredentials(Optional<URI> endpoint, AwsCredentialsProvider credentials, RetryStrategy retry, Clock clock) {
        this.clients = new EcrClients(Optional.empty(), endpoint, credentials, retry, Duration.ofMinutes(2));
        this.clock = clock;
    }

    /**
     * A source with an endpoint override, the host's AWS credentials provider, or a clock.
     *
     * @param endpoint the ECR API endpoint, if overridden
     * @param credentials the AWS credentials provider, or null for the default chain
     * @param retryStrategy the retry strategy
     * @param clock the clock expiry is measured with
     * @return the source
     */
    public static EcrCredentials of(Optional<URI> endpoint, AwsCredentialsProvider credentials, RetryStrategy retryStrategy,
            Clock clock) {
        return new EcrCredentials(Objects.requireNonNull(endpoint, "endpoint").map(EcrRegistryBackend::checkEndpoint),
                credentials, Objects.requireNonNull(retryStrategy, "retryStrategy"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public String name() {
        return "ecr";
    }

    @Override
    public Optional<Credential> lookup(String host) {
        Objects.requireNonNull(host, "host");
        Optional<EcrClients.Host> ecr = EcrClients.parseHost(host);
        if (ecr.isEmpty()) {
            return Optional.empty();
        }
        String region = ecr.get().region();
        Cached cached = cache.get(region);
        if (cached != null && clock.instant().isBefore(cached.expires().minus(RENEW_BEFORE))) {
            return Optional.of(cached.credential());
        }
        AuthorizationData data;
        try {
            data = clients.client(Region.of(region)).getAuthorizationToken(r -> { }).authorizationData().stream()
                    .findFirst().orElseThrow(() -> new BackendException("Amazon ECR in " + region
                            + " answered GetAuthorizationToken without authorization data"));
        } catch (SdkException e) {
            throw new BackendException("Amazon ECR in " + region + " failed to issue a registry token for " + host + ": "
                    + e.getMessage() + "; check " + clients.credentialsSource() + " and ecr:GetAuthorizationToken", e);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BackendException("Amazon ECR in " + region + " issued a registry token that is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new BackendException("Amazon ECR in " + region + " issued a registry token that is not user:password");
        }
        Credential credential = Credential.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        Instant expires = data.expiresAt() != null ? data.expiresAt() : clock.instant().plus(Duration.ofHours(12));
        cache.put(region, new Cached(credential, expires));
        return Optional.of(credential);
    }

    @Override
    public String toString() {
        return "RegistryCredentials[ecr, " + clients.credentialsSource() + "]";
    }
}
