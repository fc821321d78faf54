package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.memory.InMemoryRegistry;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistrySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the facade finds and opens its registry backend: only when named or handed in. */
class SlipwayRegistryTest {

    @TempDir
    Path repo;

    private Slipway.Builder builder(String yaml) {
        return Slipway.builder().repository(repo).config(SlipwayConfig.parse(yaml, "slipway.yaml"));
    }

    @Test
    @DisplayName("a provider on the class path never activates itself: no registry.backend, no registry")
    void notNamedNotUsed() {
        assertThat(Slipway.adapters()).anySatisfy(a -> assertThat(a.id()).contains("registry-fake"));
        assertThat(builder("versioning: {initial: 1.0.0}\n").build().registry()).isEmpty();
        assertThat(builder("registry: {url: 'https://ghcr.io'}\n").build().registry()).isEmpty();
    }

    @Test
    @DisplayName("registry.backend selects the provider by id and opens it with the registry settings, once")
    void namedIsUsed() {
        Slipway slipway = builder("registry:\n  backend: registry-fake\n  url: https://ghcr.io\n  region: eu-west-1\n"
                + "  endpoint: http://127.0.0.1:4566\n").build();
        int before;
        synchronized (FakeRegistryBackend.OPENED) {
            before = FakeRegistryBackend.OPENED.size();
        }
        ImageRegistry registry = slipway.registry().orElseThrow();
        assertThat(slipway.registry()).containsSame(registry);
        synchronized (FakeRegistryBackend.OPENED) {
            assertThat(FakeRegistryBackend.OPENED).hasSize(before + 1);
            assertThat(FakeRegistryBackend.OPENED.get(before)).isEqualTo(RegistrySettings.NONE
                    .withUrl(URI.create("https://ghcr.io")).withRegion("eu-west-1")
                    .withEndpoint(URI.create("http://127.0.0.1:4566")));
        }
        slipway.close();
        assertThat(slipway.registry().orElseThrow()).isNotSameAs(registry);
    }

    @Test
    @DisplayName("a named backend that is not on the class path is an error naming the id and the artifact to add")
    void namedButMissing() {
        Slipway slipway = builder("registry: {backend: registry-ecr}\n").build();
        assertThatThrownBy(slipway::registry)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("no RegistryBackend with the id 'registry-ecr' is on the class path (found: "
                        + "registry-fake (" + FakeRegistryBackend.class.getName() + ")); add"
                        + " dev.slipway:slipway-spi-registry-ecr or name one of those found");
    }

    @Test
    @DisplayName("with discovery off, a named backend must be handed in")
    void discoveryOff() {
        Slipway slipway = builder("registry: {backend: registry-fake}\n").discoverBackends(false).build();
        assertThatThrownBy(slipway::registry)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("registry.backend names 'registry-fake', but discovery is off and no registry backend was"
                        + " handed to Slipway.builder().registry(...)");
    }

    @Test
    @DisplayName("a backend handed in wins over the configured id, and is used even when none is configured")
    void handedIn() {
        InMemoryRegistry memory = new InMemoryRegistry();
        ImageRepository web = ImageRepository.of("ghcr.io/acme/web");
        memory.push(web, ImageTag.of("1.0.0"));
        for (String yaml : new String[] {"registry: {backend: registry-ecr}\n", "versioning: {initial: 1.0.0}\n"}) {
            Slipway slipway = builder(yaml).discoverBackends(false).registry(memory).build();
            assertThat(slipway.registry().orElseThrow().tags(web)).containsExactly(ImageTag.of("1.0.0"));
        }
        assertThat(Optional.of(memory)).isPresent();
    }
}
