package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan over many files: order, parallel reads, sources. */
class MarkerIndexTest {

    static final List<ServiceId> SERVICES = List.of(ServiceId.of("services/a"), ServiceId.of("services/b"));

    @TempDir
    Path dir;

    static Map<String, byte[]> files(int n) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String svc = i % 3 == 0 ? "a" : "b";
            String env = i % 2 == 0 ? "staging" : "production";
            String body = "image:\n  tag: 1." + i + ".0 # " + env + "_services/" + svc + "\n"
                    + (i % 7 == 0 ? "bad: | # staging_services/a\n  x\n" : "")
                    + (i % 11 == 0 ? "other: 1 # staging_services/c\n" : "");
            files.put(String.format("k8s/%03d/values.yaml", i), body.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    @DisplayName("a parallel scan gives the same index, in the same order, as a sequential one")
    void parallelEqualsSequential() {
        ManifestSource parallel = ManifestSource.of(files(300));
        ManifestSource sequential = new ManifestSource() {
            @Override
            public List<String> paths() {
                return parallel.paths();
            }

            @Override
            public byte[] read(String path) {
                return parallel.read(path);
            }
        };
        assertThat(parallel.concurrentReads()).isTrue();
        assertThat(sequential.concurrentReads()).isFalse();
        List<String> envs = List.of("staging", "production");
        MarkerIndex a = MarkerIndex.scan(parallel, GitOps.DEFAULT, envs, SERVICES);
        MarkerIndex b = MarkerIndex.scan(sequential, GitOps.DEFAULT, envs, SERVICES);
        assertThat(a.all()).hasSize(300).isEqualTo(b.all());
        assertThat(a.problems()).hasSize(43).isEqualTo(b.problems());
        assertThat(new ArrayList<>(a.files())).isEqualTo(new ArrayList<>(b.files())).isSorted();
        assertThat(a.locations("staging", SERVICES.get(0))).extracting(MarkerLocation::path)
                .isSorted().allMatch(p -> Integer.parseInt(p.substring(4, 7)) % 6 == 0);
        assertThatThrownBy(() -> a.requireLocations("staging", SERVICES.get(0)))
                .isInstanceOf(ManifestEditException.class)
                .hasMessageStartingWith("k8s/000/values.yaml:3: ")
                .hasMessageContaining("block scalar");
        assertThat(a.requireLocations("production", SERVICES.get(0))).hasSize(50);
    }

    @Test
    @DisplayName("walk lists regular files below the root, skipping dot-directories such as .git")
    void walk() throws Exception {
        write("kubernetes/staging/values.yaml", "tag: 1 # staging_services/a\n");
        write(".git/config.yaml", "tag: 1 # staging_services/a\n");
        write("kubernetes/.hidden/x.yaml", "tag: 1 # staging_services/a\n");
        write("kubernetes/.env.yaml", "tag: 2 # staging_services/a\n");
        ManifestSource source = ManifestSource.walk(dir);
        assertThat(source.paths()).containsExactly("kubernetes/.env.yaml", "kubernetes/staging/values.yaml");
        MarkerIndex index = MarkerIndex.scan(source, GitOps.DEFAULT, List.of("staging"), SERVICES);
        assertThat(index.files()).containsExactly("kubernetes/.env.yaml", "kubernetes/staging/values.yaml");
    }

    @Test
    @DisplayName("a file that cannot be read is a backend error naming it")
    void unreadable() {
        ManifestSource source = ManifestSource.directory(dir, List.of("missing.yaml"));
        assertThatThrownBy(() -> MarkerIndex.scan(source, GitOps.DEFAULT, List.of("staging"), SERVICES))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("missing.yaml");
    }

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
