package dev.slipway.core.memory;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.RegistryBackendContract;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.util.Optional;

/** The reference registry passes the registry contract kit. */
class InMemoryRegistryContractTest extends RegistryBackendContract {

    private InMemoryRegistry memory;

    @Override
    protected RegistryBackend createBackend() {
        memory = new InMemoryRegistry();
        return memory;
    }

    @Override
    protected void createRepository(ImageRepository repository, Mutability mutability) {
        memory.createRepository(repository, mutability);
    }

    @Override
    protected void push(ImageRepository repository, ImageTag tag, TestImage image) {
        memory.push(repository, tag, image.manifest(), image.mediaType());
    }

    @Override
    protected Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag) {
        return memory.manifest(repository, tag).map(m -> new StoredManifest(m.mediaType(), m.bytes()));
    }

    @Override
    protected boolean immutableRepositories() {
        return true;
    }

    @Override
    protected Optional<ImageRegistry> openUnreachable() {
        return Optional.of(new InMemoryRegistry().outage("connection refused").open(RegistrySettings.NONE));
    }
}
