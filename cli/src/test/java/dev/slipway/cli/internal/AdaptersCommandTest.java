package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdaptersCommandTest {

    @Test
    @DisplayName("lists the JGit, Argo CD, ECR and OCI backends found by ServiceLoader, as a table sorted by SPI")
    void table() {
        CliRun run = CliRun.of("adapters");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().toList()).hasSize(5);
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).matches("SPI +ID +VERSION +JAR"));
        assertThat(run.out().lines().skip(1).toList()).satisfiesExactly(
                r -> assertThat(r).startsWith("CdBackend        cd-argocd     "),
                r -> assertThat(r).startsWith("GitBackend       git-jgit      "),
                r -> assertThat(r).startsWith("RegistryBackend  registry-ecr  "),
                r -> assertThat(r).startsWith("RegistryBackend  registry-oci  "));
    }

    @Test
    @DisplayName("with --json, a list of spi, id, implementation, version, jar and problem")
    void json() {
        CliRun run = CliRun.of("--json", "adapters");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("[\n  {\n    \"spi\": \"CdBackend\",\n    \"id\": \"cd-argocd\",\n"
                + "    \"implementation\": \"dev.slipway.cd.argocd.ArgoCdBackend\",\n").contains("\"problem\": null")
                .contains("    \"spi\": \"GitBackend\",\n    \"id\": \"git-jgit\",\n"
                        + "    \"implementation\": \"dev.slipway.git.jgit.JGitBackend\",\n");
    }
}
