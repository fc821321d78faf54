package dev.slipway.tck.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@code git fast-import} stream: many commits, branches, merges and tags in one git process.
 * By default every commit gets its own date, one minute after the previous one, so histories are
 * reproducible and commit-date order is total.
 */
final class FastImport {

    /** One change of a commit's tree, relative to its first parent. */
    sealed interface Change permits Put, Delete, Rename {
    }

    /** Writes a file. */
    record Put(String path, byte[] content, boolean executable) implements Change {
        static Put of(String path, String content) {
            return new Put(path, content.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    /** Deletes a file or a whole directory. */
    record Delete(String path) implements Change {
    }

    /** Renames a file or a directory. */
    record Rename(String from, String to) implements Change {
    }

    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private int marks;
    private long time;
    private final long step;

    FastImport(long firstTime) {
        this(firstTime, 60);
    }

    /** A stream whose dates start at {@code firstTime} and advance by {@code step} seconds per commit or tag. */
    FastImport(long firstTime, long step) {
        this.time = firstTime;
        this.step = step;
    }

    /**
     * Adds a commit.
     *
     * @param ref the branch it goes on ({@code refs/heads/...})
     * @param parents marks (or full ids) of the parents, first parent first; empty for a root commit
     * @param message the exact message bytes (no newline is added)
     * @param changes the tree changes against the first parent
     * @return the commit's mark
     */
    String commit(String ref, List<String> parents, String message, List<Change> changes) {
        String mark = ":" + (++marks);
        long when = tick();
        line("commit " + ref);
        line("mark " + mark);
        line("author " + GitCli.NAME + " <" + GitCli.EMAIL + "> " + when + " +0000");
        line("committer " + GitCli.NAME + " <" + GitCli.EMAIL + "> " + when + " +0000");
        data(message.getBytes(StandardCharsets.UTF_8));
        if (parents.isEmpty()) {
            // a root commit, even when the branch already has commits in this stream
            line("from 0000000000000000000000000000000000000000");
            line("deleteall");
        } else {
            line("from " + parents.get(0));
            for (String parent : parents.subList(1, parents.size())) {
                line("merge " + parent);
            }
        }
        for (Change change : changes) {
            if (change instanceof Put put) {
                line("M " + (put.executable() ? "100755" : "100644") + " inline " + put.path());
                data(put.content());
            } else if (change instanceof Delete delete) {
                line("D " + delete.path());
            } else if (change instanceof Rename rename) {
                line("R " + rename.from() + " " + rename.to());
            }
        }
        line("");
        return mark;
    }

    /** Points a ref (a lightweight tag, a branch) at a commit. */
    void ref(String ref, String target) {
        line("reset " + ref);
        line("from " + target);
        line("");
    }

    /** Adds an annotated tag object {@code refs/tags/NAME} on a commit. */
    void annotatedTag(String name, String target, String message) {
        line("tag " + name);
        line("from " + target);
        line("tagger " + GitCli.NAME + " <" + GitCli.EMAIL + "> " + tick() + " +0000");
        data(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Feeds the stream to {@code git fast-import} in a repository.
     *
     * @return the full id of every mark
     */
    Map<String, String> run(GitCli git, Path repository) {
        try {
            Path marksFile = Files.createTempFile(git.home(), "marks", ".txt");
            line("done");
            git.run(repository, stream.toByteArray(),
                    List.of("fast-import", "--quiet", "--done", "--export-marks=" + marksFile)).requireSuccess();
            Map<String, String> ids = new HashMap<>();
            for (String entry : Files.readAllLines(marksFile)) {
                int space = entry.indexOf(' ');
                ids.put(entry.substring(0, space), entry.substring(space + 1));
            }
            Files.delete(marksFile);
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the clock of the following commits and tags (negative: into the past, as a skewed clock does). */
    void shiftClock(long seconds) {
        time += seconds;
    }

    private long tick() {
        long when = time;
        time += step;
        return when;
    }

    private void line(String text) {
        stream.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void data(byte[] bytes) {
        line("data " + bytes.length);
        stream.writeBytes(bytes);
        line("");
    }
}
