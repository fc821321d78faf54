package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.git.jgit.JGitBackend;
import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Slipway#demo}: the whole flow on a generated monorepo, checked in its narration and in git. */
class DemoTest {

    @BeforeAll
    static void isolate() {
        JGitBackend.isolate();
    }

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the demo walks the flow: staging deploys, release, a refused and an allowed promotion, a rollback, status")
    void walksTheFlow() {
        List<String> lines = new ArrayList<>();
        DemoRun run = Slipway.demo(tmp.resolve("demo"), new JGitBackend(), lines::add);
        String text = String.join("\n", lines);
        System.out.println(text);
        assertThat(run.steps()).isEqualTo(11);
        assertThat(run.repository()).isEqualTo(tmp.resolve("demo/platform"));
        assertThat(text).contains("PR \"chore: release main\"", "tag services/go-backend@0.1.0", "tag services/web@0.1.0",
                "DENIED: services/web 0.1.0 to production from staging", "FAIL  verified-in-source",
                "ALLOWED: services/go-backend 0.1.0 to production", "ALLOWED: services/web 0.1.0 to production",
                "Degraded", "fix: rollback web to ");
        // the remote holds what the narration says: production runs both releases
        GitCli git = new GitCli(tmp.resolve("home"));
        String production = git.text(run.remote(), "show", "main:kubernetes/src/services/web-helm/values.production.yaml");
        assertThat(production).contains("version: 0.1.0 # production_services/web");
        assertThat(git.text(run.remote(), "tag", "--list")).contains("services/go-backend@0.1.0", "services/web@0.1.0");
        assertThat(git.text(run.remote(), "log", "-1", "--format=%s", "main")).startsWith("fix: rollback web to ");
        assertThat(lines.get(lines.size() - 3)).startsWith("    SERVICE");
    }

    @Test
    @DisplayName("a directory that is not empty is refused before anything is written")
    void notEmpty() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> Slipway.demo(dir, new JGitBackend(), line -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not empty");
        try (var entries = Files.list(dir)) {
            assertThat(entries.toList()).containsExactly(dir.resolve("keep.txt"));
        }
    }
}
