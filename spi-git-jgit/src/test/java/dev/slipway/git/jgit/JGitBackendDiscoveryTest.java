package dev.slipway.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.spi.GitBackend;
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
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The backend is found by its id both ways: {@code META-INF/services} on the class path, and its module's {@code provides}. */
class JGitBackendDiscoveryTest {

    @Test
    @DisplayName("BACKEND-1: the id is git-jgit, a lower-case word")
    void id() {
        assertThat(new JGitBackend().id()).isEqualTo(JGitBackend.ID).isEqualTo("git-jgit").matches("[a-z][a-z0-9-]*");
    }

    @Test
    @DisplayName("ServiceLoader on the class path finds exactly one git backend with id git-jgit: this one")
    void classPath() {
        List<GitBackend> found = ServiceLoader.load(GitBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(backend -> backend.id().equals("git-jgit")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(JGitBackend.class);
    }

    @Test
    @DisplayName("the module descriptor provides GitBackend with JGitBackend and exports only the public package")
    void moduleDescriptor() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(location(JGitBackend.class).resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.slipway.git.jgit");
        assertThat(descriptor.provides()).hasSize(1);
        assertThat(descriptor.provides().iterator().next().service()).isEqualTo(GitBackend.class.getName());
        assertThat(descriptor.provides().iterator().next().providers()).containsExactly(JGitBackend.class.getName());
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.slipway.git.jgit");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("dev.slipway.api", "org.eclipse.jgit");
    }

    @Test
    @DisplayName("ServiceLoader in a module layer (api, this module, JGit as an automatic module) finds git-jgit")
    void modulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(JGitBackend.class), location(GitBackend.class), location(Repository.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.slipway.git.jgit"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        Class<?> service = layer.findLoader("dev.slipway.api").loadClass(GitBackend.class.getName());
        List<Object> providers = ServiceLoader.load(layer, service).stream().map(p -> (Object) p.get()).toList();
        assertThat(providers).hasSize(1);
        Object provider = providers.get(0);
        assertThat(provider.getClass().getName()).isEqualTo(JGitBackend.class.getName());
        assertThat(provider.getClass().getModule().getName()).isEqualTo("dev.slipway.git.jgit");
        assertThat(service.getMethod("id").invoke(provider)).isEqualTo("git-jgit");
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
