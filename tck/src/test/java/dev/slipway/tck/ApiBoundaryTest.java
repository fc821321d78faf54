package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.Version;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The api depends on the JDK only and exports only its contract packages. It lives here because the api
 * never depends on the kit; it fails as soon as someone adds a dependency, in the sources or in the
 * module descriptor.
 */
class ApiBoundaryTest {

    private static Path sources() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolveSibling("api").resolve("src/main/java");
    }

    @Test
    @DisplayName("the api's sources import only java.* and the api's own packages")
    void importsOnlyTheJdkAndTheApi() {
        List<ModuleBoundaries.Import> imports = ModuleBoundaries.imports(sources());

        assertThat(imports).as("imports found (the scan works)").isNotEmpty();
        assertThat(imports).as("imports outside java.*, dev.slipway.api and dev.slipway.spi")
                .filteredOn(i -> !i.startsWithAny(List.of("java.", "dev.slipway.api.", "dev.slipway.spi.")))
                .isEmpty();
    }

    @Test
    @DisplayName("an api type never imports an spi type")
    void apiDoesNotImportSpi() {
        assertThat(ModuleBoundaries.imports(sources().resolve("dev/slipway/api")))
                .filteredOn(i -> i.startsWithAny(List.of("dev.slipway.spi."))).isEmpty();
    }

    @Test
    @DisplayName("the module dev.slipway.api requires nothing but java.base")
    void requiresOnlyJavaBase() {
        ModuleDescriptor descriptor = ModuleBoundaries.descriptor(Version.class);

        assertThat(descriptor.name()).isEqualTo("dev.slipway.api");
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .containsExactly("java.base");
    }

    @Test
    @DisplayName("the module dev.slipway.api exports only the contract packages, dev.slipway.api and dev.slipway.spi")
    void exportsOnlyTheContract() {
        assertThat(ModuleBoundaries.descriptor(Version.class).exports())
                .allSatisfy(export -> assertThat(export.isQualified()).isFalse())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.slipway.api", "dev.slipway.spi");
    }
}
