package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.api.BackendException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI backend passes the registry contract kit against a real docker-registry with htpasswd (bcrypt)
 * authentication, and reports refused or missing credentials without showing them.
 */
class OciHtpasswdContractTest extends DockerRegistryContract {

    private static final String USER = "slipway";
    private static final String PASSWORD = "pa55-w0rd_NEVER-SHOWN";

    @TempDir
    static Path dir;

    static DockerRegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        registry = DockerRegistryProcess.htpasswd(dir, USER, PASSWORD);
    }

    @Override
    DockerRegistryProcess registry() {
        return registry;
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private static OciRegistryBackend backend(RegistryCredentials credentials) {
        return OciRegistryBackend.builder().credentials(credentials).retryBackoff(Duration.ZERO).build();
    }

    @Override
    protected RegistryBackend createBackend() {
        return backend(CredentialsSources.fixed(registry.host(), Credential.basic(USER, PASSWORD)));
    }






    @Override
    protected Set<String> secrets() {
        return Set.of(PASSWORD, Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private ImageRepository seeded(String name) {
        ImageRepository repository = ImageRepository.of(registry.host() + "/htpasswd/" + name);
        registry.push(repository, ImageTag.of("1.0.0"), TestImage.ociManifest(name));
        return repository;
    }

    @Test
    @DisplayName("a wrong password is a BackendException naming the registry and the credentials source, not the password")
    void wrongPassword() {
        ImageRepository repository = seeded("wrong");
        try (ImageRegistry client = backend(CredentialsSources.fixed(Credential.basic(USER, "wrong-" + PASSWORD)))
                .open(settings())) {
            Throwable failure = catchThrowable(() -> client.digest(repository, ImageTag.of("1.0.0")));
            assertThat(failure).isInstanceOf(BackendException.class)
                    .hasMessage("registry " + registry.url() + " refused the credentials from static to read the tag 1.0.0 of "
                            + repository + " (HTTP 401); check them and their permissions");
            assertThat(failure.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    @DisplayName("without credentials, the error says which source had none and how to log in")
    void noCredentials() {
        ImageRepository repository = seeded("anonymous");
        try (ImageRegistry client = backend(CredentialsSources.anonymous()).open(settings())) {
            assertThatThrownBy(() -> client.tags(repository)).isInstanceOf(BackendException.class)
                    .hasMessage("registry " + registry.url() + " requires credentials to list the tags of " + repository
                            + ", and the credentials source anonymous has none for " + registry.host() + "; run docker login "
                            + registry.host() + ", or set SLIPWAY_REGISTRY_USERNAME and SLIPWAY_REGISTRY_PASSWORD");
        }
    }

    @Test
    @DisplayName("credentials from the environment source and from a docker config.json work the same")
    void environmentAndDockerConfig(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        ImageRepository repository = seeded("sources");
        RegistryCredentials env = CredentialsSources.environment(Map.of(CredentialsSources.USERNAME_VARIABLE, USER,
                CredentialsSources.PASSWORD_VARIABLE, PASSWORD));
        Path config = home.resolve("config.json");
        java.nio.file.Files.writeString(config, "{\"auths\":{\"http://" + registry.host() + "\":{\"auth\":\""
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        for (RegistryCredentials source : new RegistryCredentials[] {env, CredentialsSources.dockerConfig(config)}) {
            try (ImageRegistry client = backend(source).open(settings())) {
                assertThat(client.tags(repository)).contains(ImageTag.of("1.0.0"));
                assertThat(client.retag(repository, ImageTag.of("1.0.0"), ImageTag.of("1.0.1")))
                        .isEqualTo(TestImage.ociManifest("sources").digest());
            }
        }
    }
}
