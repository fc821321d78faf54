package dev.slipway.core.manifest;

import dev.slipway.api.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where manifests are read from: the work tree, a commit, or memory. Paths are repo-relative and
 * {@code /}-separated.
 *
 * <p>Contract: {@link #paths()} lists the files once each, in a stable order; {@link #read(String)} returns
 * the bytes of a listed file, and throws {@link BackendException} when it cannot (I/O).
 */
public interface ManifestSource {

    /**
     * The files to consider.
     *
     * @return repo-relative paths, {@code /}-separated
     */
    List<String> paths();

    /**
     * The content of a file.
     *
     * @param path one of {@link #paths()}
     * @return the bytes
     * @throws BackendException if the file cannot be read
     * @throws IllegalArgumentException if the path is not one of {@link #paths()}
     */
    byte[] read(String path);

    /**
     * Files held in memory.
     *
     * @param files path to content; the map's iteration order is the order of {@link #paths()}
     * @return the source (a copy: later changes to the map are not seen)
     */
    static ManifestSource of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        List<String> paths = List.copyOf(copy.keySet());
        return new ManifestSource() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public byte[] read(String path) {
                byte[] b = copy.get(path);
                if (b == null) {
                    throw new IllegalArgumentException("no file " + path + " in this source");
                }
                return b.clone();
            }
        };
    }

    /**
     * Files of a directory, named by the caller (for a git work tree: its non-ignored files).
     *
     * @param root the directory the paths are relative to
     * @param paths repo-relative paths, {@code /}-separated
     * @return the source
     */
    static ManifestSource directory(Path root, List<String> paths) {
        Objects.requireNonNull(root, "root");
        List<String> list = List.copyOf(paths);
        return new ManifestSource() {
            @Override
            public List<String> paths() {
                return list;
            }

            @Override
            public byte[] read(String path) {
                try {
                    return Files.readAllBytes(root.resolve(path));
                } catch (NoSuchFileException e) {
                    throw new BackendException("cannot read " + path + " under " + root + ": the file does not exist"
                            + " (was it removed while Slipway ran?)", e);
                } catch (IOException e) {
                    throw new BackendException("cannot read " + path + " under " + root + ": " + e, e);
                }
            }
        };
    }

    /**
     * Every regular file below a directory, found by walking it: dot-directories ({@code .git},
     * {@code .github}, ...) and symbolic links are skipped; git's ignore rules are not applied (for a git
     * work tree, prefer {@link #directory(Path, List)} with the repository's non-ignored files).
     *
     * @param root the directory
     * @return the source, paths in sorted order
     * @throws BackendException if the directory cannot be walked
     */
    static ManifestSource walk(Path root) {
        Objects.requireNonNull(root, "root");
        List<String> paths = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    boolean hidden = !dir.equals(root) && name != null && name.toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        StringBuilder rel = new StringBuilder();
                        for (Path part : root.relativize(file)) {
                            if (rel.length() > 0) {
                                rel.append('/');
                            }
                            rel.append(part);
                        }
                        paths.add(rel.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BackendException("cannot list the files under " + root + ": " + e, e);
        }
        Collections.sort(paths);
        return directory(root, paths);
    }
}
