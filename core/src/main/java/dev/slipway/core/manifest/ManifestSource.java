package dev.slipway.core.manifest;

import dev.slipway.api.BackendException;
import dev.slipway.core.internal.TreeWalk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
     * Whether {@link #read(String)} may be called from several threads at once, so that a scan reads files
     * in parallel. The sources made here (memory, directory, walk) allow it.
     *
     * @return false unless the implementation says otherwise
     */
    default boolean concurrentReads() {
        return false;
    }

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

            @Override
            public boolean concurrentReads() {
                return true;
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

            @Override
            public boolean concurrentReads() {
                return true;
            }
        };
    }

    /**
     * Every regular file below a directory, found by walking it (subdirectories in parallel, on the common
     * fork-join pool): dot-directories ({@code .git}, {@code .github}, ...) and symbolic links are skipped; git's ignore rules are not applied (for a git
     * work tree, prefer {@link #directory(Path, List)} with the repository's non-ignored files).
     *
     * @param root the directory
     * @return the source, paths in sorted order
     * @throws BackendException if the directory cannot be walked
     */
    static ManifestSource walk(Path root) {
        Objects.requireNonNull(root, "root");
        List<String> paths;
        try {
            paths = TreeWalk.list(root);
        } catch (UncheckedIOException e) {
            throw new BackendException("cannot list the files under " + root + ": " + e.getCause(), e.getCause());
        }
        paths = new ArrayList<>(paths);
        Collections.sort(paths);
        return directory(root, paths);
    }
}
