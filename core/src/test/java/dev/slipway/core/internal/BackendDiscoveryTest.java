package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitRepository;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendDiscoveryTest {

    static final String ARTIFACT = "dev.slipway:slipway-spi-git-jgit";

    /** A provider with a given id. */
    public abstract static class Fake implements GitBackend {
        private final String id;

        Fake(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public GitRepository open(Path directory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void init(Path directory, boolean bare, String initialBranch) {
            throw new UnsupportedOperationException();
        }
    }

    /** Provider "git-a". */
    public static final class A extends Fake {
        public A() {
            super("git-a");
        }
    }

    /** Another class also claiming "git-a". */
    public static final class AlsoA extends Fake {
        public AlsoA() {
            super("git-a");
        }
    }

    /** Provider "git-b". */
    public static final class B extends Fake {
        public B() {
            super("git-b");
        }
    }

    /** A provider whose constructor fails. */
    public static final class Broken extends Fake {
        public Broken() {
            super("never");
            throw new IllegalStateException("no native library");
        }
    }

    @TempDir
    Path dir;

    BackendDiscovery.Inventory<GitBackend> inventory(String... classes) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(GitBackend.class.getName()), String.join("\n", classes) + "\n");
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                // only the test's own services file, not the JGit provider on the test class path
                return findResources(name);
            }
        };
        return BackendDiscovery.inventory(GitBackend.class, () -> ServiceLoader.load(GitBackend.class, loader));
    }

    static String name(Class<?> c) {
        return c.getName();
    }

    @Test
    @DisplayName("the single provider present is selected when no id is named")
    void single() throws IOException {
        var inv = inventory(name(A.class));
        assertThat(BackendDiscovery.select(inv, Optional.empty(), true, ARTIFACT)).get().isInstanceOf(A.class);
    }

    @Test
    @DisplayName("a named id selects its provider; never class path order")
    void byId() throws IOException {
        var inv = inventory(name(A.class), name(B.class));
        assertThat(BackendDiscovery.select(inv, Optional.of("git-b"), true, ARTIFACT)).get().isInstanceOf(B.class);
        assertThat(BackendDiscovery.select(inv, Optional.of("git-a"), true, ARTIFACT)).get().isInstanceOf(A.class);
    }

    @Test
    @DisplayName("several providers and no id is an error listing them")
    void several() throws IOException {
        var inv = inventory(name(A.class), name(B.class));
        assertThatThrownBy(() -> BackendDiscovery.select(inv, Optional.empty(), true, ARTIFACT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("several GitBackend providers are on the class path (git-a (" + name(A.class) + "), git-b ("
                        + name(B.class) + ")); name one in slipway.yaml or hand an instance to Slipway.builder()");
    }

    @Test
    @DisplayName("no provider is an error naming the SPI and the artifact to add")
    void none() throws IOException {
        var inv = inventory();
        assertThatThrownBy(() -> BackendDiscovery.select(inv, Optional.empty(), true, ARTIFACT))
                .hasMessage("no GitBackend provider is on the class path (found: none); add " + ARTIFACT
                        + ", or hand an instance to Slipway.builder()");
    }

    @Test
    @DisplayName("an unknown id is an error listing what was found")
    void unknownId() throws IOException {
        var inv = inventory(name(A.class));
        assertThatThrownBy(() -> BackendDiscovery.select(inv, Optional.of("git-x"), true, ARTIFACT))
                .hasMessage("no GitBackend with the id 'git-x' is on the class path (found: git-a (" + name(A.class)
                        + ")); add " + ARTIFACT + " or name one of those found");
    }

    @Test
    @DisplayName("two classes sharing an id are an error naming both")
    void duplicateIds() {
        assertThatThrownBy(() -> inventory(name(A.class), name(AlsoA.class)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("two GitBackend providers share the id 'git-a': " + name(A.class) + " and "
                        + name(AlsoA.class) + "; remove one of their jars from the class path");
    }

    @Test
    @DisplayName("a broken provider is reported and skipped, not fatal to the rest")
    void broken() throws IOException {
        var inv = inventory(name(Broken.class), "com.example.Missing", name(B.class));
        assertThat(inv.providers()).containsOnlyKeys("git-b");
        assertThat(inv.broken()).hasSize(2);
        assertThat(inv.broken().get(0)).contains(name(Broken.class)).contains("no native library");
        assertThat(inv.broken().get(1)).contains("com.example.Missing");
        assertThatThrownBy(() -> BackendDiscovery.select(inv, Optional.of("git-x"), true, ARTIFACT))
                .hasMessageContaining("could not load: ");
    }

    @Test
    @DisplayName("registry and CD style selection: nothing activates unless named")
    void onlyWhenNamed() throws IOException {
        var inv = inventory(name(A.class));
        assertThat(BackendDiscovery.select(inv, Optional.empty(), false, ARTIFACT)).isEmpty();
    }
}
