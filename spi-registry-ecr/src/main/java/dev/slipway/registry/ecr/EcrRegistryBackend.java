package dev.slipway.registry.ecr;

import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.ecr.internal.EcrClients;
import dev.slipway.registry.ecr.internal.EcrRegistry;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The registry backend on Amazon ECR's API (id {@value #ID}), on the AWS SDK for Java v2:
 *
 * <ul>
 *   <li>digest: {@code DescribeImages} for one tag ({@code ImageNotFoundException} is an absent tag);</li>
 *   <li>tags: {@code ListImages} with {@code tagStatus=TAGGED}, every page;</li>
 *   <li>retag: {@code BatchGetImage} accepting OCI indexes and manifests and Docker manifest lists and manifests
 *       (so ECR converts nothing), then {@code PutImage} with the exact manifest string, its media type and the
 *       source digest as a guard; {@code ImageAlreadyExistsException} is success,
 *       {@code ImageTagAlreadyExistsException} (an immutable tag) is success when the tag holds the same digest
 *       and a conflict naming both digests otherwise;</li>
 *   <li>mutability: {@code DescribeRepositories}' {@code imageTagMutability} (the {@code *_WITH_EXCLUSION} forms are
 *       {@link dev.slipway.spi.Mutability#MIXED});</li>
 *   <li>{@code RepositoryNotFoundException}: an {@link dev.slipway.api.ImageRepositoryNotFoundException} naming the
 *       repository, account and region; throttling is retried by the retry strategy, then reported.</li>
 * </ul>
 *
 * <p>Settings: the region of an image is its host's ({@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/web}),
 * else {@code registry.region}, else the SDK's region chain ({@code AWS_REGION}, the profile);
 * {@code registry.endpoint} overrides the API endpoint. Credentials come from the SDK's default chain unless the
 * host hands in a provider. HTTP goes through the SDK's URL-connection client, set explicitly (the Apache and
 * Netty clients are not on the class path). The retry strategy is pinned in code, not read from
 * {@code AWS_RETRY_MODE} or {@code AWS_MAX_ATTEMPTS}: {@link #defaultRetryStrategy()}, or the host's.
 */
public final class EcrRegistryBackend implements RegistryBackend {

    /** The id of this backend. */
    public static final String ID = "registry-ecr";

    /** The attempts of the pinned retry strategy, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private final AwsCredentialsProvider credentials;
    private final RetryStrategy retryStrategy;
    private final Duration apiCallTimeout;

    /**
     * The backend with its defaults, as discovery creates it: the default credentials chain and
     * {@link #defaultRetryStrategy()}.
     */
    public EcrRegistryBackend() {
        this(new Builder());
    }

    private EcrRegistryBackend(Builder builder) {
        this.credentials = builder.credentials;
        this.retryStrategy = builder.retryStrategy;
        this.apiCallTimeout = builder.apiCallTimeout;
    }

    /**
     * A builder for a backend with the host's credentials provider or retry strategy.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The retry strategy every client uses unless a host gives its own: the SDK's standard strategy (exponential
     * back-off with jitter, longer for throttling; retries throttling, server errors and I/O failures) with
     * {@value #DEFAULT_MAX_ATTEMPTS} attempts.
     *
     * @return the strategy
     */
    public static RetryStrategy defaultRetryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(DEFAULT_MAX_ATTEMPTS).build();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens a client; no I/O and no SDK client until the first call.
     *
     * @param settings {@code region} and {@code endpoint} apply; {@code url} and {@code credentials} are ignored
     * @return the client
     * @throws InvalidInputException if the region is not an AWS region or the endpoint not an http(s) URL
     */
    @Override
    public ImageRegistry open(RegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        Optional<String> region = settings.region().map(r -> {
            if (!EcrClients.REGION.matcher(r).matches()) {
                throw new InvalidInputException(r, "registry.region '" + r + "' is not an AWS region such as us-east-1");
            }
            return r;
        });
        Optional<URI> endpoint = settings.endpoint().map(EcrRegistryBackend::checkEndpoint);
        return new EcrRegistry(new EcrClients(region, endpoint, credentials, retryStrategy, apiCallTimeout));
    }

    static URI checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint.getRawUserInfo() != null) {
            throw new InvalidInputException("registry.endpoint", "registry.endpoint carries credentials (not shown);"
                    + " remove them: AWS credentials come from the AWS credentials chain");
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new InvalidInputException(endpoint.toString(), "registry.endpoint '" + endpoint + "' is not an http or"
                    + " https URL such as https://api.ecr.us-east-1.amazonaws.com");
        }
        return endpoint;
    }

    /**
     * The id and where credentials come from (never a credential).
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return "EcrRegistryBackend[" + (credentials == null ? "default credentials chain" : "host's credentials provider")
                + ", " + retryStrategy.maxAttempts() + " attempts]";
    }

    /**
     * Builds an {@link EcrRegistryBackend}.
     */
    public static final class Builder {

        private AwsCredentialsProvider credentials;
        private RetryStrategy retryStrategy = defaultRetryStrategy();
        private Duration apiCallTimeout = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * The credentials provider to use instead of the SDK's default chain.
         *
         * @param provider the provider, for example a role the host assumed
         * @return this builder
         */
        public Builder credentials(AwsCredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * The retry strategy to use instead of {@link #defaultRetryStrategy()}.
         *
         * @param strategy the strategy, for example {@code defaultRetryStrategy().toBuilder().maxAttempts(10).build()}
         * @return this builder
         */
        public Builder retryStrategy(RetryStrategy strategy) {
            this.retryStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * The timeout of one API call, its retries included (default 2 minutes).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder apiCallTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the API call timeout must be positive");
            }
            this.apiCallTimeout = timeout;
            return this;
        }

        /**
         * Builds the backend.
         *
         * @return the backend
         */
        public EcrRegistryBackend build() {
            return new EcrRegistryBackend(this);
        }
    }
}
