package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) in the middle of {@link AtomicFiles#write} leaves the target as it was: the
 * partial bytes only ever exist in a hidden temporary file.
 */
class AtomicFilesKillTest {

    static final int SIZE = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @DisplayName("killed mid-write: the target keeps its old content in full; only a hidden temp file holds a part")
    void killedMidWrite() throws Exception {
        Path target = dir.resolve("values.yaml");
        byte[] old = "image:\n  tag: 1.0.0 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, old);

        Process child = start(target, "stop");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("HALFWAY");
            // mid-write: a temporary file holds half the new bytes, the target is untouched
            List<Path> temps = temps();
            assertThat(temps).singleElement().satisfies(t -> assertThat(Files.size(t)).isEqualTo(SIZE / 2));
            assertThat(Files.readAllBytes(target)).isEqualTo(old);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        // the leftover is hidden, named after the target, and never the target itself
        assertThat(temps()).allSatisfy(t -> {
            assertThat(t.getFileName().toString()).startsWith(".values.yaml.").endsWith(AtomicFiles.TEMP_SUFFIX);
            assertThat(t).isNotEqualTo(target);
        });
    }

    @Test
    @DisplayName("a write that completes in another process replaces the content in full and leaves no temp file")
    void completes() throws Exception {
        Path target = dir.resolve("values.yaml");
        Files.writeString(target, "old");
        Process child = start(target, "finish");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        byte[] now = Files.readAllBytes(target);
        assertThat(now).hasSize(SIZE);
        assertThat(new String(now, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("n".repeat(16));
        assertThat(temps()).isEmpty();
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
        }
    }

    private Process start(Path target, String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> path = new LinkedHashSet<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(key);
            if (value != null && !value.isEmpty()) {
                path.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, path),
                AtomicWriteChild.class.getName(), target.toString(), Integer.toString(SIZE), "n", mode));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
