package dev.slipway.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Lists the regular files below a directory; dot-directories and links are skipped. Directories are walked
 * sequentially, except that a directory with many subdirectories (a GitOps tree's environment with a
 * directory per service) has them split between fork-join tasks.
 */
public final class TreeWalk extends RecursiveTask<List<String>> {

    private static final long serialVersionUID = 1L;
    /** Subdirectories of one directory walked by one task; more are split. */
    private static final int CHUNK = 64;

    private final transient List<Path> dirs;
    private final transient List<String> prefixes;

    private TreeWalk(List<Path> dirs, List<String> prefixes) {
        this.dirs = dirs;
        this.prefixes = prefixes;
    }

    /**
     * The files below a directory.
     *
     * @param root the directory
     * @return repo-relative, {@code /}-separated paths, in no particular order
     * @throws UncheckedIOException if a directory cannot be listed
     */
    public static List<String> list(Path root) {
        return ForkJoinPool.commonPool().invoke(new TreeWalk(List.of(root), List.of("")));
    }

    @Override
    protected List<String> compute() {
        int n = dirs.size();
        if (n > CHUNK) {
            TreeWalk left = new TreeWalk(dirs.subList(0, n / 2), prefixes.subList(0, n / 2));
            TreeWalk right = new TreeWalk(dirs.subList(n / 2, n), prefixes.subList(n / 2, n));
            invokeAll(left, right);
            List<String> out = new ArrayList<>(left.join());
            out.addAll(right.join());
            return out;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            walk(dirs.get(i), prefixes.get(i), out);
        }
        return out;
    }

    private static void walk(Path dir, String prefix, List<String> out) {
        List<Path> subdirs = new ArrayList<>();
        List<String> subprefixes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    if (!name.startsWith(".")) {
                        subdirs.add(entry);
                        subprefixes.add(prefix + name + "/");
                    }
                } else if (attrs.isRegularFile()) {
                    out.add(prefix + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (subdirs.size() > CHUNK) {
            out.addAll(new TreeWalk(subdirs, subprefixes).invoke());
        } else {
            for (int i = 0; i < subdirs.size(); i++) {
                walk(subdirs.get(i), subprefixes.get(i), out);
            }
        }
    }
}
