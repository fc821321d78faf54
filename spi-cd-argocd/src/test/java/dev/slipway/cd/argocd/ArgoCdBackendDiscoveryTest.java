package dev.slipway.cd.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.spi.CdBackend;
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
class ArgoCdBackendDiscoveryTest {

    @Test
    @DisplayName("BACKEND-1: the id is cd-argocd, a lower-case word")
    void id() {
        assertThat(new ArgoCdBackend().id()).isEqualTo(ArgoCdBackend.ID).isEqualTo("cd-argocd").matches("[a-z][a-z0-9-]*");
    }

    @Test
    @DisplayName("ServiceLoader on the class path finds exactly one CD backend with id cd-argocd: this one")
    void classPath() {
        List<CdBackend> found = ServiceLoader.load(CdBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(backend -> backend.id().equals("cd-argocd")).toList();
        assertThat(found).singleElement().isInstanceOf(ArgoCdBackend.class);
    }

    @Test
    @DisplayName("the module descriptor provides CdBackend with ArgoCdBackend, exports only the public package, reads Jackson")
    void moduleDescriptor() throws Exception {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(location(ArgoCdBackend.class).resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.slipway.cd.argocd");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(CdBackend.class.getName());
            assertThat(p.providers()).containsExactly(ArgoCdBackend.class.getName());
        });
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.slipway.cd.argocd");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("dev.slipway.api", "java.net.http", "com.fasterxml.jackson.databind");
    }

    @Test
    @DisplayName("ServiceLoader in a module layer (api, this module, Jackson) finds cd-argocd")
    void modulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(ArgoCdBackend.class), location(CdBackend.class),
                location(ObjectMapper.class), location(JsonParser.class), location(JsonProperty.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.slipway.cd.argocd"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        Class<?> service = layer.findLoader("dev.slipway.api").loadClass(CdBackend.class.getName());
        List<Object> providers = ServiceLoader.load(layer, service).stream().map(p -> (Object) p.get()).toList();
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.getClass().getModule().getName()).isEqualTo("dev.slipway.cd.argocd");
            assertThat(service.getMethod("id").invoke(provider)).isEqualTo("cd-argocd");
        });
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
