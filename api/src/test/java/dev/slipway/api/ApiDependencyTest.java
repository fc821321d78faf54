package dev.slipway.api;

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
 * The api depends on the JDK only: hosts and adapters inherit nothing from it. Fails as soon as someone
 * adds a dependency, in the sources or in the module descriptor.
 */
class ApiDependencyTest {

    /** An import statement: at the start of a line or after another statement, static or not. */
    private static final Pattern IMPORT =
            Pattern.compile("(?:^|;)[ \\t]*import\\s+(?:static\\s+)?([\\w$.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

    /** One import of one source file. */
    private record Import(Path file, int line, String name) {
        @Override
        public String toString() {
            return file + ":" + line + " imports " + name;
        }
    }

    private static Path sources() {
        Path sources = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
        assertThat(sources).as("the api's sources (run from the api module)").isDirectory();
        return sources;
    }

    private static List<Import> imports(Path root) throws IOException {
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
        Path classes = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    @DisplayName("the api's sources import only java.* and the api's own packages")
    void importsOnlyTheJdkAndTheApi() throws IOException {
        List<Import> imports = imports(sources());

        assertThat(imports).as("imports found (the scan works)").isNotEmpty();
        assertThat(imports).as("imports outside java.*, dev.slipway.api and dev.slipway.spi")
                .filteredOn(i -> !(i.name().startsWith("java.") || i.name().startsWith("dev.slipway.api.")
                        || i.name().startsWith("dev.slipway.spi.")))
                .isEmpty();
    }

    @Test
    @DisplayName("an api type never imports an spi type")
    void apiDoesNotImportSpi() throws IOException {
        Path api = sources().resolve("dev/slipway/api");

        assertThat(imports(api)).filteredOn(i -> i.name().startsWith("dev.slipway.spi.")).isEmpty();
    }

    @Test
    @DisplayName("the module dev.slipway.api requires nothing but java.base")
    void requiresOnlyJavaBase() throws Exception {
        ModuleDescriptor descriptor = descriptor();
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());

        assertThat(descriptor.name()).isEqualTo("dev.slipway.api");
        assertThat(requires).containsExactly("java.base");
    }

    @Test
    @DisplayName("the module dev.slipway.api exports only the contract packages, dev.slipway.api and dev.slipway.spi")
    void exportsOnlyTheContract() throws Exception {
        assertThat(descriptor().exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.slipway.api", "dev.slipway.spi");
    }
}
