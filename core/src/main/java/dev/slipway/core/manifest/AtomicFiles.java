package dev.slipway.core.manifest;

import dev.slipway.api.BackendException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a file so that readers (and a crash) see either the old content or the new one, never a part.
 *
 * <p>The bytes go to a temporary file in the target's directory ({@code .<name>.<random>.slipway-tmp}),
 * which is given the target's POSIX permissions and renamed over the target atomically.
 * A symbolic link is followed: the file it points to is replaced and the link stays. When the process dies
 * before the rename, the target is untouched and the temporary file is left behind (hidden, never the
 * target's name); on any error the temporary file is removed.
 *
 * <p>The data is not forced to disk ({@code fsync}): like git, which does not sync the work tree files it
 * writes, the rename gives atomicity for readers and for a process that dies, and durability across a
 * power loss is left to the file system (ext4 and XFS flush a file renamed over another).
 */
public final class AtomicFiles {

    /** The suffix of the temporary files. */
    public static final String TEMP_SUFFIX = ".slipway-tmp";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Replaces (or creates) a file atomically, keeping its permissions.
     *
     * @param target the file
     * @param content the new bytes
     * @throws BackendException if the file cannot be written (the target is then untouched)
     */
    public static void write(Path target, byte[] content) {
        write(target, content, null);
    }

    /**
     * As {@link #write(Path, byte[])}, calling a hook when half the bytes are in the temporary file (tests
     * use it to kill the process mid-write).
     *
     * @param target the file
     * @param content the new bytes
     * @param halfway called once half the content is written, or null
     */
    static void write(Path target, byte[] content, Runnable halfway) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Staged staged = stage(target, content, halfway);
        try {
            staged.replaceTarget();
        } finally {
            staged.discard();
        }
    }

    /**
     * Writes a group of files: every content goes to its temporary file first, and only when all are written
     * are they renamed over their targets, so a failure while writing changes none of the targets. Each file
     * is written as {@link #write(Path, byte[])} writes one.
     *
     * @param files the targets and their new bytes, renamed in the map's order
     * @throws BackendException if a file cannot be written (every temporary file is then removed)
     */
    public static void writeAll(Map<Path, byte[]> files) {
        Objects.requireNonNull(files, "files");
        List<Staged> staged = new ArrayList<>(files.size());
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                staged.add(stage(Objects.requireNonNull(e.getKey(), "target"),
                        Objects.requireNonNull(e.getValue(), "content"), null));
            }
            for (Staged s : staged) {
                s.replaceTarget();
            }
        } finally {
            staged.forEach(Staged::discard);
        }
    }

    /** Writes the content to a new temporary file beside the target, with the target's permissions. */
    private static Staged stage(Path target, byte[] content, Runnable halfway) {
        Path real = resolve(target);
        Path dir = real.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + real.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
        Staged staged = new Staged(target, real, temp);
        boolean written = false;
        try {
            Set<PosixFilePermission> permissions = permissions(real);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                if (halfway != null) {
                    buf.limit(content.length / 2);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    halfway.run();
                    buf.limit(content.length);
                }
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            if (permissions != null) {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class).setPermissions(permissions);
            }
            written = true;
            return staged;
        } catch (FileAlreadyExistsException e) {
            throw new BackendException("cannot write " + target + ": the temporary file " + temp + " exists", e);
        } catch (IOException e) {
            throw new BackendException("cannot write " + target + ": " + e, e);
        } finally {
            if (!written) {
                staged.discard();
            }
        }
    }

    /** A temporary file holding a target's new content, not yet renamed over it. */
    private static final class Staged {

        private final Path target;
        private final Path real;
        private final Path temp;
        private boolean moved;

        Staged(Path target, Path real, Path temp) {
            this.target = target;
            this.real = real;
            this.temp = temp;
        }

        void replaceTarget() {
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BackendException("cannot replace " + target + " atomically: the file system does not"
                        + " support an atomic rename", e);
            } catch (IOException e) {
                throw new BackendException("cannot write " + target + ": " + e, e);
            }
            moved = true;
        }

        /** Removes the temporary file unless it became the target. */
        void discard() {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what matters; a hidden temp file may remain
                }
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The file a symbolic link points to (the link stays a link), or the target itself. */
    private static Path resolve(Path target) {
        Path p = target;
        for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
            try {
                Path link = Files.readSymbolicLink(p);
                p = p.toAbsolutePath().getParent().resolve(link);
            } catch (IOException e) {
                throw new BackendException("cannot read the symbolic link " + p + ": " + e, e);
            }
        }
        return p;
    }

    /** The POSIX permissions of an existing file, or null (new file: the umask decides; or no POSIX). */
    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
