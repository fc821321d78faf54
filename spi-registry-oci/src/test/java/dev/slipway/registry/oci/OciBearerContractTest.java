package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.api.BackendException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI backend passes the registry contract kit through the Bearer token challenge: a real
 * docker-registry with distribution's {@code silly} auth (a challenge naming realm, service and scope) and a
 * token service on 127.0.0.1 that checks the Basic credentials.
 */
class OciBearerContractTest extends DockerRegistryContract {

    private static final String USER = "robot";
    private static final String PASSWORD = "t0ken-service-secret";
    private static final String SERVICE = "slipway-test-registry";

    @TempDir
    static Path dir;

    static TokenServer tokens;
    static DockerRegistryProcess registry;

    @BeforeAll
    static void start() {
        tokens = new TokenServer(USER, PASSWORD);
        registry = DockerRegistryProcess.silly(dir, tokens.realm(), SERVICE);
    }

    @Override
    DockerRegistryProcess registry() {
        return registry;
    }

    @AfterAll
    static void stop() {
        registry.close();
        tokens.close();
    }

    private static OciRegistryBackend backend(Credential credential) {
        return OciRegistryBackend.builder().credentials(CredentialsSources.fixed(credential)).retryBackoff(Duration.ZERO)
                .build();
    }

    @Override
    protected RegistryBackend createBackend() {
        return backend(Credential.basic(USER, PASSWORD));
    }






    @Override
    protected Set<String> secrets() {
        return Set.of(PASSWORD);
    }

    @Test
    @DisplayName("the token service is asked once per scope with the challenge's service and scope; a retag asks for push")
    void tokenPerScope() {
        ImageRepository repository = ImageRepository.of(registry.host() + "/bearer/scopes");
        TestImage image = TestImage.dockerManifest("scopes");
        registry.push(repository, ImageTag.of("rc"), image);
        int before = tokens.requests().size();
        try (ImageRegistry client = createBackend().open(settings())) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.digest(repository, ImageTag.of("rc"))).contains(image.digest());
            }
            assertThat(client.tags(repository)).containsExactly(ImageTag.of("rc"));
            List<TokenServer.Request> pulls = tokens.requests().subList(before, tokens.requests().size());
            assertThat(pulls).containsExactly(new TokenServer.Request(SERVICE, List.of("repository:bearer/scopes:pull"), true));

            assertThat(client.retag(repository, ImageTag.of("rc"), ImageTag.of("1.0.0"))).isEqualTo(image.digest());
            List<TokenServer.Request> all = tokens.requests().subList(before, tokens.requests().size());
            assertThat(all).hasSize(2);
            assertThat(all.get(1).service()).isEqualTo(SERVICE);
            assertThat(String.join(" ", all.get(1).scopes())).contains("push").contains("repository:bearer/scopes:");
        }
        assertThat(registry.read(repository, ImageTag.of("1.0.0")).orElseThrow().bytes()).isEqualTo(image.manifest());
    }

    @Test
    @DisplayName("credentials the token service refuses are a BackendException naming the service and the source, not the password")
    void refusedByTheTokenService() {
        ImageRepository repository = ImageRepository.of(registry.host() + "/bearer/refused");
        try (ImageRegistry client = backend(Credential.basic(USER, "wrong")).open(settings())) {
            Throwable failure = catchThrowable(() -> client.digest(repository, ImageTag.of("1.0.0")));
            assertThat(failure).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("the token service " + tokens.realm() + " of registry " + registry.url()
                            + " failed to authorize read the tag 1.0.0 of " + repository + ": it refused the credentials from"
                            + " static (HTTP 401)");
            assertThat(failure.toString()).doesNotContain(PASSWORD).doesNotContain("wrong");
        }
    }
}
