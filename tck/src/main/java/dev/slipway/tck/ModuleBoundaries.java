package dev.slipway.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what a module depends on, for tests that keep a module's boundaries: every import of its
 * sources, and its compiled module descriptor. Slipway's own modules use it to prove that {@code api}
 * depends on nothing and {@code core} only on the api and SnakeYAML Engine; an adapter can prove the same
 * of itself.
 */
public final class ModuleBoundaries {

    /** An import statement: at the start of a line or after another statement, static or not. */
    private static final Pattern IMPORT =
            Pattern.compile("(?:^|;)[ \\t]*import\\s+(?:static\\s+)?([\\w$.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

    private ModuleBoundaries() {
    }

    /**
     * One import of one source file.
     *
     * @param file the file, relative to the source root
     * @param line the 1-based line of the import
     * @param name the imported name ({@code java.util.List}, {@code org.example.*})
     */
    public record Import(Path file, int line, String name) {

        /**
         * Checks the parts.
         */
        public Import {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(name, "name");
        }

        /**
         * Whether the imported name starts with one of the prefixes.
         *
         * @param prefixes package prefixes such as {@code java.}
         * @return true if allowed by one of them
         */
        public boolean startsWithAny(List<String> prefixes) {
            return prefixes.stream().anyMatch(name::startsWith);
        }

        @Override
        public String toString() {
            return file + ":" + line + " imports " + name;
        }
    }

    /**
     * Every import of every {@code .java} file below a source root, in file order.
     *
     * @param sourceRoot a source root such as {@code src/main/java}
     * @return the imports
     * @throws IllegalArgumentException if the root is not a directory holding Java sources
     */
    public static List<Import> imports(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            throw new IllegalArgumentException("no source directory at " + sourceRoot.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            List<Import> imports = new ArrayList<>();
            for (Path file : files) {
                String text = Files.readString(file);
                Matcher matcher = IMPORT.matcher(text);
                while (matcher.find()) {
                    int line = (int) text.substring(0, matcher.start(1)).chars().filter(c -> c == '\n').count() + 1;
                    imports.add(new Import(sourceRoot.relativize(file), line, matcher.group(1)));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no Java sources below " + sourceRoot.toAbsolutePath());
            }
            return imports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The compiled module descriptor of the module (directory or jar) a class was loaded from.
     *
     * @param member any class of the module
     * @return the descriptor
     * @throws IllegalStateException if the class's location holds no {@code module-info.class}
     */
    public static ModuleDescriptor descriptor(Class<?> member) {
        try {
            Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile());
                    InputStream in = jar.getInputStream(Objects.requireNonNull(jar.getEntry("module-info.class"),
                            "module-info.class in " + location))) {
                return ModuleDescriptor.read(in);
            }
        } catch (IOException | URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot read the module descriptor of " + member.getName() + ": " + e, e);
        }
    }
}
