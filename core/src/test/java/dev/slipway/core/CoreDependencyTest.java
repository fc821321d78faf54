package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The core depends on the JDK, the api and SnakeYAML Engine only; integrations live in adapter modules.
 * Fails as soon as someone adds a dependency, in the sources or in the module descriptor.
 */
class CoreDependencyTest {

    /** An import statement: at the start of a line or after another statement, static or not. */
    private static final Pattern IMPORT =
            Pattern.compile("(?:^|;)[ \\t]*import\\s+(?:static\\s+)?([\\w$.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

    /** The package prefixes core may import: the JDK's java.*, Slipway's own api and core, SnakeYAML Engine. */
    private static final List<String> ALLOWED =
            List.of("java.", "dev.slipway.api.", "dev.slipway.spi.", "dev.slipway.core.", "org.snakeyaml.engine.");

    /** One import of one source file. */
    private record Import(Path file, int line, String name) {
        @Override
        public String toString() {
            return file + ":" + line + " imports " + name;
        }
    }

    private static List<Import> imports() throws IOException {
        Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
        assertThat(root).as("the core's sources (run from the core module)").isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("java sources under " + root).hasSizeGreaterThan(1);
        List<Import> imports = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher matcher = IMPORT.matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start(1)).chars().filter(c -> c == '\n').count() + 1;
                imports.add(new Import(root.relativize(file), line, matcher.group(1)));
            }
        }
        return imports;
    }

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(Slipway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    @DisplayName("the core's sources import only java.*, dev.slipway.* (api, spi, core) and org.snakeyaml.engine.*")
    void importsOnlyTheJdkTheApiAndSnakeYaml() throws IOException {
        List<Import> imports = imports();

        assertThat(imports).as("imports found (the scan works)").isNotEmpty();
        assertThat(imports).as("imports outside " + ALLOWED)
                .filteredOn(i -> ALLOWED.stream().noneMatch(i.name()::startsWith))
                .isEmpty();
    }

    @Test
    @DisplayName("the module dev.slipway.core requires only dev.slipway.api and org.snakeyaml.engine (and java.base)")
    void requiresOnlyTheApiAndSnakeYaml() throws Exception {
        ModuleDescriptor descriptor = descriptor();
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());

        assertThat(descriptor.name()).isEqualTo("dev.slipway.core");
        assertThat(requires).contains("java.base", "dev.slipway.api")
                .isSubsetOf("java.base", "dev.slipway.api", "org.snakeyaml.engine");
    }
}
