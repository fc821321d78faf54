package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code --cd ID} reaches the facade: it picks the CD backend, over {@code cd.backend}. */
class CdOptionTest {

    /** Prints the facade's CD client, or "none". */
    @Command(name = "cd-probe")
    static final class CdProbe implements Callable<Integer> {

        @ParentCommand
        private SlipwayCommand slipway;

        @Spec
        private CommandSpec spec;

        CdProbe() {
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(slipway.slipway().cd().map(Object::toString).orElse("none"));
            return ExitCodes.OK;
        }
    }

    @TempDir
    Path repo;

    private CliRun run(String... args) {
        return CliRun.with(command -> command.addSubcommand(new CdProbe()), args);
    }

    @Test
    @DisplayName("without --cd and cd.backend no CD backend is used, though cd-argocd is on the class path")
    void noneUnlessNamed() {
        CliRun run = run("--repo", repo.toString(), "cd-probe");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("none" + System.lineSeparator());
    }

    @Test
    @DisplayName("--cd with an unknown id: exit 3, naming it and what was found")
    void unknown() {
        CliRun run = run("--repo", repo.toString(), "cd-probe", "--cd", "cd-nope");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("'cd-nope'", "cd-argocd (dev.slipway.cd.argocd.ArgoCdBackend)");
    }

    @Test
    @DisplayName("--cd argocd overrides cd.backend and opens the Argo CD adapter with the cd section")
    void argocdOverridesConfig() throws IOException {
        Files.writeString(repo.resolve("slipway.yaml"), "cd:\n  backend: cd-flux\n  server: argocd.example.com\n"
                + "  project: default\n");
        CliRun run = run("--repo", repo.toString(), "--cd", "argocd", "cd-probe");
        boolean tokenInEnvironment = System.getenv("ARGOCD_AUTH_TOKEN") != null
                || (System.getenv("ARGOCD_USERNAME") != null && System.getenv("ARGOCD_PASSWORD") != null);
        if (tokenInEnvironment) {
            assertThat(run.out()).startsWith("ArgoCdClient[server=https://argocd.example.com (from cd.server), project=default");
        } else {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).startsWith("slipway: no Argo CD credentials for https://argocd.example.com")
                    .contains("ARGOCD_AUTH_TOKEN");
        }
        assertThat(run.err()).doesNotContain("cd-flux");
    }
}
