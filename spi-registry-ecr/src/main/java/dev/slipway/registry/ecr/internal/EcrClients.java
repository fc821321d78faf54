package dev.slipway.registry.ecr.internal;

import dev.slipway.api.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Builds and keeps one SDK client per region: the URL-connection HTTP client set explicitly, the retry strategy
 * pinned in code, an optional endpoint override and the host's or the default credentials chain.
 */
public final class EcrClients implements AutoCloseable {

    /** An AWS region name. */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    /** An ECR registry host: account, region, partition. */
    private static final Pattern HOST = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?:\\.cn)?");

    private final Optional<String> region;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final RetryStrategy retryStrategy;
    private final Duration apiCallTimeout;
    private final Map<Region, EcrClient> clients = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile SdkHttpClient http;
    private volatile AwsCredentialsProvider defaultCredentials;
    private volatile boolean closed;

    /**
     * A factory; builds nothing yet.
     *
     * @param region the region of images that name no ECR host
     * @param endpoint the endpoint override
     * @param credentials the host's credentials provider, or null for the default chain
     * @param retryStrategy the retry strategy every client uses
     * @param apiCallTimeout the timeout of one API call, retries included
     */
    public EcrClients(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
            RetryStrategy retryStrategy, Duration apiCallTimeout) {
        this.region = Objects.requireNonNull(region, "region");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = credentials;
        this.retryStrategy = Objects.requireNonNull(retryStrategy, "retryStrategy");
        this.apiCallTimeout = Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    }

    /** An ECR host's account and region. */
    public record Host(String registryId, String region) {
    }

    /**
     * The account and region an ECR registry host names.
     *
     * @param host a host such as {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com}
     * @return the account and region, or empty when the host is not an ECR registry
     */
    public static Optional<Host> parseHost(String host) {
        Matcher m = HOST.matcher(host.toLowerCase(java.util.Locale.ROOT));
        return m.matches() ? Optional.of(new Host(m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * The region of an image: its host's, else the configured one, else the SDK's region chain.
     *
     * @param host the image's parsed ECR host, if any
     * @param image the image, for the error message
     * @return the region
     * @throws InvalidInputException if no region can be found
     */
    public Region region(Optional<Host> host, String image) {
        if (host.isPresent()) {
            return Region.of(host.get().region());
        }
        if (region.isPresent()) {
            return Region.of(region.get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new InvalidInputException(image, "no AWS region for the image " + image + ": set registry.region, or"
                    + " AWS_REGION, or write the registry host into the image"
                    + " (123456789012.dkr.ecr.us-east-1.amazonaws.com/name)");
        }
    }

    /**
     * The client of a region, built on first use.
     *
     * @param region the region
     * @return the client
     */
    public EcrClient client(Region region) {
        if (closed) {
            throw new IllegalStateException("this ECR registry client is closed");
        }
        return clients.computeIfAbsent(region, r -> {
            var builder = EcrClient.builder().region(r).httpClient(http())
                    .credentialsProvider(credentials != null ? credentials : defaultCredentials())
                    .overrideConfiguration(o -> o.retryStrategy(retryStrategy).apiCallTimeout(apiCallTimeout));
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    private SdkHttpClient http() {
        if (http == null) {
            synchronized (lock) {
                if (http == null) {
                    http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(30)).build();
                }
            }
        }
        return http;
    }

    private AwsCredentialsProvider defaultCredentials() {
        if (defaultCredentials == null) {
            synchronized (lock) {
                if (defaultCredentials == null) {
                    defaultCredentials = DefaultCredentialsProvider.builder().build();
                }
            }
        }
        return defaultCredentials;
    }

    /**
     * Where credentials come from, for messages.
     *
     * @return {@code the AWS default credentials chain} or {@code the host's credentials provider}
     */
    public String credentialsSource() {
        return credentials == null ? "the AWS default credentials chain" : "the credentials provider handed in";
    }

    /**
     * How many attempts a call makes.
     *
     * @return the retry strategy's maximum attempts
     */
    public int maxAttempts() {
        return retryStrategy.maxAttempts();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            clients.values().forEach(EcrClient::close);
            clients.clear();
            if (http != null) {
                http.close();
            }
            if (defaultCredentials instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the default chain only releases its refresh threads
                }
            }
        }
    }

    @Override
    public String toString() {
        return "EcrClients[" + region.orElse("region from the image or the AWS chain") + endpoint.map(e -> ", endpoint " + e)
                .orElse("") + ", " + credentialsSource() + "]";
    }
}
