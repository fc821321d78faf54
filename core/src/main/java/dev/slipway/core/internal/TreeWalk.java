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

/** Lists the regular files below a directory, subdirectories in parallel; dot-directories and links are skipped. */
public final class TreeWalk extends RecursiveTask<List<String>> {

    private static final long serialVersionUID = 1L;
    private final transient Path dir;
    private final String prefix;

    private TreeWalk(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    /**
     * The files below a directory.
     *
     * @param root the directory
     * @return repo-relative, {@code /}-separated paths, in no particular order
     * @throws UncheckedIOException if a directory cannot be listed
     */
    public static List<String> list(Path root) {
        return ForkJoinPool.commonPool().invoke(new TreeWalk(root, ""));
    }

    @Override
    protected List<String> compute() {
        List<String> files = new ArrayList<>();
        List<TreeWalk> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    if (!name.startsWith(".")) {
                        subdirectories.add(new TreeWalk(entry, prefix + name + "/"));
                    }
                } else if (attrs.isRegularFile()) {
                    files.add(prefix + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        invokeAll(subdirectories);
        for (TreeWalk w : subdirectories) {
            files.addAll(w.join());
        }
        return files;
    }
}
