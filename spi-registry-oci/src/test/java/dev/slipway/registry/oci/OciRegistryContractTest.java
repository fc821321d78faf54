package dev.slipway.registry.oci;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The OCI backend passes the registry contract kit against a real docker-registry without authentication. */
class OciRegistryContractTest extends DockerRegistryContract {

    @TempDir
    static Path dir;

    static DockerRegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        registry = DockerRegistryProcess.open(dir);
    }

    @Override
    DockerRegistryProcess registry() {
        return registry;
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Override
    protected RegistryBackend createBackend() {
        return OciRegistryBackend.builder().credentials(CredentialsSources.anonymous()).retryBackoff(Duration.ZERO).build();
    }








}
