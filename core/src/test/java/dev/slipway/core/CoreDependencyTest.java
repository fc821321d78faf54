package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.ModuleBoundaries;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core depends on the JDK, the api and SnakeYAML Engine only; integrations live in adapter modules.
 * Fails as soon as someone adds a dependency, in the sources or in the module descriptor.
 */
class CoreDependencyTest {

    /** The package prefixes core may import: the JDK's java.*, Slipway's own api and core, SnakeYAML Engine. */
    private static final List<String> ALLOWED =
            List.of("java.", "dev.slipway.api.", "dev.slipway.spi.", "dev.slipway.core.", "org.snakeyaml.engine.");

    @Test
    @DisplayName("the core's sources import only java.*, dev.slipway.* (api, spi, core) and org.snakeyaml.engine.*")
    void importsOnlyTheJdkTheApiAndSnakeYaml() {
        List<ModuleBoundaries.Import> imports = ModuleBoundaries.imports(
                Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java"));

        assertThat(imports).as("imports found (the scan works)").isNotEmpty();
        assertThat(imports).as("imports outside " + ALLOWED).filteredOn(i -> !i.startsWithAny(ALLOWED)).isEmpty();
    }

    @Test
    @DisplayName("the module dev.slipway.core requires only dev.slipway.api and org.snakeyaml.engine (and java.base)")
    void requiresOnlyTheApiAndSnakeYaml() {
        ModuleDescriptor descriptor = ModuleBoundaries.descriptor(Slipway.class);

        assertThat(descriptor.name()).isEqualTo("dev.slipway.core");
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .contains("java.base", "dev.slipway.api")
                .isSubsetOf("java.base", "dev.slipway.api", "org.snakeyaml.engine");
    }
}
