package dev.slipway.core.internal;

import dev.slipway.api.BackendException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a group of files so that none is half-written: every new content goes to a temporary file in the
 * target's directory first, and only when all are written are they renamed over their targets.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /**
     * Writes the files.
     *
     * @param files the targets and their new bytes
     * @throws BackendException if a file cannot be written (the temporary files are removed, the targets left
     *     as they were)
     */
    public static void writeAll(Map<Path, byte[]> files) {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path target = e.getKey();
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
                temps.put(target, temp);
                Files.write(temp, e.getValue());
                if (Files.exists(target)) {
                    try {
                        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system: the default permissions stay
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(new ArrayList<>(temps.values()));
            throw new BackendException("could not write " + e.getMessage() + " (nothing was changed)", e);
        }
        for (Map.Entry<Path, Path> e : temps.entrySet()) {
            try {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ex) {
                deleteQuietly(new ArrayList<>(temps.values()));
                throw new BackendException("could not replace " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a leftover temporary file is harmless
            }
        }
    }
}
