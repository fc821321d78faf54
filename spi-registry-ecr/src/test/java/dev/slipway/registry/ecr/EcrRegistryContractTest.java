package dev.slipway.registry.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.RegistryBackendContract;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The ECR backend passes the registry contract kit: the real SDK client against the fake ECR server, whose
 * ListImages pages hold three images (so REG-6 crosses pages) and whose repositories can be immutable.
 */
class EcrRegistryContractTest extends RegistryBackendContract {

    static final String ACCESS_KEY = "AKIDSLIPWAYTEST";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSLIPWAYKEY";

    static FakeEcrServer server;

    @BeforeAll
    static void start() {
        server = new FakeEcrServer();
        server.pageSize(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static EcrRegistryBackend backend(int attempts) {
        return EcrRegistryBackend.builder()
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).circuitBreakerEnabled(false).build())
                .build();
    }

    @Override
    protected RegistryBackend createBackend() {
        return backend(3);
    }

    @Override
    protected RegistrySettings settings() {
        return RegistrySettings.NONE.withRegion(FakeEcrServer.REGION).withEndpoint(server.endpoint());
    }

    @Override
    protected ImageRepository repository(String path) {
        return ImageRepository.of(FakeEcrServer.HOST + "/" + path);
    }

    @Override
    protected void createRepository(ImageRepository repository, Mutability mutability) {
        server.createRepository(repository.path(), mutability);
    }

    @Override
    protected void push(ImageRepository repository, ImageTag tag, TestImage image) {
        server.push(repository.path(), tag.value(), new String(image.manifest(), StandardCharsets.UTF_8), image.mediaType());
    }

    @Override
    protected Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag) {
        return server.manifest(repository.path(), tag.value())
                .map(m -> new StoredManifest(m[1], m[0].getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected boolean immutableRepositories() {
        return true;
    }

    @Override
    protected Optional<ImageRepository> foreignRepository() {
        return Optional.of(ImageRepository.of("ghcr.io/acme/web"));
    }

    @Override
    protected List<RegistrySettings> malformedSettings() {
        return List.of(RegistrySettings.NONE.withRegion("US East"), RegistrySettings.NONE.withEndpoint(URI.create("ftp://x")),
                RegistrySettings.NONE.withEndpoint(URI.create("http://user:pw@127.0.0.1:1")));
    }

    @Override
    protected Optional<ImageRegistry> openUnreachable() {
        return Optional.of(backend(2).open(RegistrySettings.NONE.withRegion(FakeEcrServer.REGION)
                .withEndpoint(URI.create("http://127.0.0.1:" + freePort()))));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SECRET_KEY);
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs after every kit test too (outer callbacks apply to nested tests). */
    @AfterEach
    void everyRequestMatchedTheServiceModel() {
        assertThat(server.problems()).as("requests that break ECR's service model").isEmpty();
    }
}
