package dev.slipway.registry.oci;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.RegistryBackendContract;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The kit's hooks for a real docker-registry: settings, repositories on its host, seeding and reading over its
 * HTTP API, a foreign host, malformed settings and an unreachable port. Subclasses start the registry.
 */
abstract class DockerRegistryContract extends RegistryBackendContract {

    /** The registry under test. */
    abstract DockerRegistryProcess registry();

    @Override
    protected RegistrySettings settings() {
        return RegistrySettings.NONE.withUrl(registry().url());
    }

    @Override
    protected ImageRepository repository(String path) {
        return ImageRepository.of(registry().host() + "/" + path);
    }

    @Override
    protected void push(ImageRepository repository, ImageTag tag, TestImage image) {
        registry().push(repository, tag, image);
    }

    @Override
    protected Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag) {
        return registry().read(repository, tag);
    }

    @Override
    protected boolean reportsMutability() {
        return false;
    }

    @Override
    protected Optional<ImageRepository> foreignRepository() {
        return Optional.of(ImageRepository.of("ghcr.io/acme/web"));
    }

    @Override
    protected List<RegistrySettings> malformedSettings() {
        return List.of(RegistrySettings.NONE.withUrl(URI.create("ftp://127.0.0.1:1")),
                RegistrySettings.NONE.withUrl(URI.create("http://127.0.0.1:1/v2/")),
                RegistrySettings.NONE.withUrl(URI.create("http://user:secret@127.0.0.1:1")),
                RegistrySettings.NONE.withUrl(URI.create("http://127.0.0.1:1?x=1")),
                RegistrySettings.NONE.withCredentials("no-such-source"));
    }

    @Override
    protected Optional<ImageRegistry> openUnreachable() {
        return Optional.of(OciRegistryBackend.builder().credentials(CredentialsSources.anonymous()).retries(1)
                .retryBackoff(Duration.ZERO).build()
                .open(RegistrySettings.NONE.withUrl(URI.create("http://127.0.0.1:" + DockerRegistryProcess.freePort()))));
    }
}
