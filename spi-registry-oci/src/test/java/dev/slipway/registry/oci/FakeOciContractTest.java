package dev.slipway.registry.oci;

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
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The OCI backend passes the registry contract kit against the loopback fake, whose tag lists come in pages of
 * three (so REG-6 crosses pages through {@code Link} headers) and whose repositories can refuse to move tags
 * (so REG-9 and REG-10 run for registries with immutable tags, such as Harbor's tag immutability rules).
 */
class FakeOciContractTest extends RegistryBackendContract {

    static FakeOciServer server;

    @BeforeAll
    static void start() {
        server = new FakeOciServer();
        server.pageSize(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected RegistryBackend createBackend() {
        return OciRegistryBackend.builder().credentials(CredentialsSources.anonymous()).retryBackoff(Duration.ZERO).build();
    }

    @Override
    protected RegistrySettings settings() {
        return RegistrySettings.NONE.withUrl(server.url());
    }

    @Override
    protected ImageRepository repository(String path) {
        return ImageRepository.of(server.host() + "/" + path);
    }

    @Override
    protected void createRepository(ImageRepository repository, Mutability mutability) {
        if (mutability == Mutability.IMMUTABLE) {
            server.immutable(repository.path());
        } else {
            server.createRepository(repository.path());
        }
    }

    @Override
    protected void push(ImageRepository repository, ImageTag tag, TestImage image) {
        server.put(repository.path(), tag.value(), new StoredManifest(image.mediaType(), image.manifest()));
    }

    @Override
    protected Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag) {
        return server.get(repository.path(), tag.value());
    }

    @Override
    protected boolean immutableRepositories() {
        return true;
    }

    @Override
    protected boolean reportsMutability() {
        return false;
    }

    @Override
    protected Optional<ImageRegistry> openUnreachable() {
        return Optional.of(OciRegistryBackend.builder().credentials(CredentialsSources.anonymous()).retries(1)
                .retryBackoff(Duration.ZERO).build()
                .open(RegistrySettings.NONE.withUrl(URI.create("http://127.0.0.1:" + DockerRegistryProcess.freePort()))));
    }

    @Override
    protected Optional<ImageRepository> foreignRepository() {
        return Optional.of(ImageRepository.of("localhost:" + server.port() + "/acme/web"));
    }
}
