package dev.slipway.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageNotFoundException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ImageTagConflictException;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory registry's knobs; the contract itself is checked by the kit (InMemoryRegistryContractTest). */
class InMemoryRegistryTest {

    private static final ImageRepository WEB = ImageRepository.of("ghcr.io/acme/web");
    private static final ImageTag RC = ImageTag.of("0.2.3-rc0001-g1234567");
    private static final ImageTag RELEASE = ImageTag.of("0.2.3");

    private final InMemoryRegistry memory = new InMemoryRegistry();
    private final ImageRegistry registry = memory.open(RegistrySettings.NONE);

    @Test
    @DisplayName("push stores the exact bytes and media type; different tags pushed without bytes get different digests")
    void push() {
        byte[] bytes = "{ \"schemaVersion\" : 2 }".getBytes(StandardCharsets.UTF_8);
        Digest d = memory.push(WEB, RC, bytes, "application/vnd.oci.image.index.v1+json");
        assertThat(d).isEqualTo(Digest.sha256(bytes));
        InMemoryRegistry.Manifest m = memory.manifest(WEB, RC).orElseThrow();
        assertThat(m.bytes()).isEqualTo(bytes);
        assertThat(m.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(m.toString()).isEqualTo("Manifest[" + d + ", application/vnd.oci.image.index.v1+json, 23 bytes]");
        assertThat(memory.push(WEB, ImageTag.of("a"))).isNotEqualTo(memory.push(WEB, ImageTag.of("b")));
        assertThat(registry.digest(WEB, RC)).contains(d);
    }

    @Test
    @DisplayName("an immutable repository refuses to move a tag, naming both digests")
    void immutable() {
        memory.createRepository(WEB, Mutability.IMMUTABLE);
        Digest rc = memory.push(WEB, RC);
        Digest other = memory.push(WEB, RELEASE, "{}".getBytes(StandardCharsets.UTF_8), InMemoryRegistry.OCI_MANIFEST);
        assertThat(registry.mutability(WEB)).isEqualTo(Mutability.IMMUTABLE);
        assertThatThrownBy(() -> registry.retag(WEB, RC, RELEASE))
                .isInstanceOfSatisfying(ImageTagConflictException.class, e -> {
                    assertThat(e.existing()).isEqualTo(other);
                    assertThat(e.requested()).isEqualTo(rc);
                })
                .hasMessageContaining(rc.value()).hasMessageContaining(other.value());
        assertThat(registry.digest(WEB, RELEASE)).contains(other);
        memory.createRepository(WEB, Mutability.MUTABLE);
        assertThat(registry.retag(WEB, RC, RELEASE)).isEqualTo(rc);
        assertThat(registry.digest(WEB, RELEASE)).contains(rc);
    }

    @Test
    @DisplayName("an outage makes every call a BackendException until recover(); untag removes one tag")
    void outageAndUntag() {
        memory.push(WEB, RC);
        memory.outage("connection refused");
        assertThatThrownBy(() -> registry.tags(WEB)).isInstanceOf(BackendException.class)
                .hasMessage("registry registry-memory failed to list the tags of ghcr.io/acme/web: connection refused;"
                        + " retry when the registry is reachable");
        memory.recover();
        assertThat(memory.untag(WEB, RC)).isTrue();
        assertThat(memory.untag(WEB, RC)).isFalse();
        assertThat(registry.tags(WEB)).isEmpty();
        assertThatThrownBy(() -> registry.retag(WEB, RC, RELEASE)).isInstanceOf(ImageNotFoundException.class);
        assertThatThrownBy(() -> registry.tags(ImageRepository.of("ghcr.io/acme/none")))
                .isInstanceOf(ImageRepositoryNotFoundException.class);
    }

    @Test
    @DisplayName("never registered with ServiceLoader")
    void notAProvider() {
        assertThat(ServiceLoader.load(RegistryBackend.class).stream().map(ServiceLoader.Provider::type))
                .doesNotContain(InMemoryRegistry.class);
        assertThat(memory.id()).isEqualTo("registry-memory");
    }
}
