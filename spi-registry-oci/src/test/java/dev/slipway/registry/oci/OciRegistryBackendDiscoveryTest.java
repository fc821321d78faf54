package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.spi.RegistryBackend;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The backend is found by its id both ways: {@code META-INF/services} on the class path, and its module's {@code provides}. */
class OciRegistryBackendDiscoveryTest {

    @Test
    @DisplayName("BACKEND-1: the id is registry-oci")
    void id() {
        assertThat(new OciRegistryBackend().id()).isEqualTo(OciRegistryBackend.ID).isEqualTo("registry-oci");
    }

    @Test
    @DisplayName("ServiceLoader on the class path finds exactly one registry backend with id registry-oci: this one")
    void classPath() {
        List<RegistryBackend> found = ServiceLoader.load(RegistryBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.id().equals("registry-oci")).toList();
        assertThat(found).singleElement().isInstanceOf(OciRegistryBackend.class);
    }

    @Test
    @DisplayName("the module descriptor requires only the api and java.net.http, provides the backend, exports only the public package")
    void moduleDescriptor() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(location(OciRegistryBackend.class).resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.slipway.registry.oci");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(RegistryBackend.class.getName());
            assertThat(p.providers()).containsExactly(OciRegistryBackend.class.getName());
        });
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.slipway.registry.oci");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "dev.slipway.api", "java.net.http");
        assertThat(descriptor.uses()).containsExactly(RegistryCredentials.class.getName());
    }

    @Test
    @DisplayName("ServiceLoader in a module layer (api and this module) finds registry-oci")
    void modulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(OciRegistryBackend.class), location(RegistryBackend.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.slipway.registry.oci"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        Class<?> service = layer.findLoader("dev.slipway.api").loadClass(RegistryBackend.class.getName());
        List<Object> providers = ServiceLoader.load(layer, service).stream().map(p -> (Object) p.get()).toList();
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.getClass().getModule().getName()).isEqualTo("dev.slipway.registry.oci");
            assertThat(service.getMethod("id").invoke(p)).isEqualTo("registry-oci");
        });
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
