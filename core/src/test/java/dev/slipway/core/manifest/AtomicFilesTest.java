package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFiles: content, permissions, links, no temp files left. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("replaces the content, keeps the permissions and leaves no temporary file")
    void replaces() throws Exception {
        Path f = dir.resolve("values.yaml");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-x---");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    @DisplayName("creates a new file")
    void creates() throws Exception {
        Path f = dir.resolve("new.yaml");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("a symbolic link stays a link; the file it points to is replaced")
    void symlink() throws Exception {
        Path real = dir.resolve("real.yaml");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.yaml");
        Files.createSymbolicLink(link, Path.of("real.yaml"));
        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    @DisplayName("a failure leaves the target untouched and no temporary file")
    void failure() throws Exception {
        Path target = dir.resolve("values.yaml");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("values.yaml");
        assertThat(target.resolve("keep")).hasContent("x");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("missing/x.yaml"), new byte[] {1}))
                .isInstanceOf(BackendException.class);
    }

    @Test
    @DisplayName("writeAll replaces every file of a group")
    void writesAGroup() throws Exception {
        Path a = dir.resolve("a.md");
        Files.writeString(a, "old a");
        Path b = dir.resolve("b.json");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, "new a".getBytes(StandardCharsets.UTF_8));
        files.put(b, "new b".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(files);
        assertThat(a).hasContent("new a");
        assertThat(b).hasContent("new b");
        try (Stream<Path> listed = Files.list(dir)) {
            assertThat(listed).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    @DisplayName("writeAll changes no file of the group when one cannot be written, and leaves no temporary file")
    void groupFailure() throws Exception {
        Path a = dir.resolve("a.md");
        Files.writeString(a, "old a");
        Path blocked = dir.resolve("blocked.json");
        Files.createDirectory(blocked);
        Files.writeString(blocked.resolve("keep"), "x");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, "new a".getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("missing/c.md"), new byte[] {1});
        files.put(blocked, new byte[] {2});
        assertThatThrownBy(() -> AtomicFiles.writeAll(files))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("c.md");
        assertThat(a).hasContent("old a");
        assertThat(blocked.resolve("keep")).hasContent("x");
        try (Stream<Path> listed = Files.list(dir)) {
            assertThat(listed).containsExactlyInAnyOrder(a, blocked);
        }
    }
}
