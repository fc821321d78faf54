package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway promote} on a real clone of a bare remote with the embedded default configuration (production
 * promoted from staging under release-version, verified-in-source and no-downgrade), and {@code slipway demo}.
 */
class PromoteCommandTest {

    static final String VALUES = """
            web:
              staging: 0.0.1 # staging_services/web
              production: 0.0.1 # production_services/web
            """;

    @TempDir
    Path tmp;

    GitCli git;
    Path remote;
    Path work;
    String built;

    @BeforeEach
    void repositories() throws IOException {
        git = new GitCli(tmp.resolve("home"));
        Path seed = tmp.resolve("seed");
        git.text(tmp, "init", "-q", "-b", "main", seed.toString());
        write(seed, "services/web/main.go", "package main\n");
        write(seed, "kubernetes/values.yaml", VALUES);
        git.text(seed, "add", "-A");
        git.text(seed, "commit", "-q", "-m", "layout");
        remote = tmp.resolve("remote.git");
        work = tmp.resolve("work");
        git.text(tmp, "clone", "-q", "--bare", seed.toString(), remote.toString());
        git.text(tmp, "clone", "-q", remote.toString(), work.toString());
        git.text(work, "config", "user.name", "CLI Deployer");
        git.text(work, "config", "user.email", "cli@slipway.invalid");
        built = git.text(work, "rev-parse", "HEAD");
        // CI deployed the build of this commit to staging
        CliRun deploy = run("deploy", "--service", "services/web", "--env", "staging", "--version", staging(), "--push");
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        git.text(work, "tag", "-a", "services/web@0.1.0", "-m", "release", built);
    }

    String staging() {
        return "0.1.0-rc0001-g" + built.substring(0, 7);
    }

    static void write(Path repository, String path, String content) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--repo";
        all[1] = work.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    /** A change staging never ran, released as 0.2.0. */
    void unverifiedRelease() throws IOException {
        write(work, "services/web/main.go", "package main // changed\n");
        git.text(work, "commit", "-q", "-am", "fix(web): changed");
        git.text(work, "tag", "-a", "services/web@0.2.0", "-m", "release");
    }

    @Test
    @DisplayName("a denied promotion exits 5, prints every rule on stdout and one line on stderr, and pushes nothing")
    void denied() throws IOException {
        unverifiedRelease();
        String before = git.text(remote, "rev-parse", "main");
        CliRun run = run("promote", "--service", "services/web", "--to", "production", "--push");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).startsWith("DENIED: services/web 0.2.0 to production from staging\n"
                + "  pass  release-version: 0.2.0 is a release version\n"
                + "  FAIL  verified-in-source: staging never ran the code of 0.2.0");
        assertThat(run.out()).contains("  pass  no-downgrade: 0.2.0 is higher than 0.0.1, which production runs\n");
        assertThat(run.errLines()).containsExactly(
                "slipway: promotion of services/web 0.2.0 to production denied by verified-in-source");
        assertThat(git.text(remote, "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    @DisplayName("--json prints the decision as {allowed, rules, deploy}, also when denied")
    void deniedJson() throws IOException {
        unverifiedRelease();
        CliRun run = run("promote", "--service", "services/web", "--to", "production", "--dry-run", "--json");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).startsWith("{\n  \"allowed\": false,\n  \"service\": \"services/web\",\n"
                + "  \"environment\": \"production\",\n  \"source\": \"staging\",\n  \"version\": \"0.2.0\",\n");
        assertThat(run.out()).contains("\"rule\": \"verified-in-source\",\n      \"passed\": false,")
                .contains("\"deploy\": null\n}");
    }

    @Test
    @DisplayName("an allowed promotion deploys with the write flags: the production marker, committed and pushed")
    void allowed() {
        CliRun dry = run("promote", "--service", "services/web", "--to", "production", "--version", "0.1.0", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).startsWith("ALLOWED: services/web 0.1.0 to production from staging\n");
        assertThat(dry.out()).doesNotContain("deployed:");
        CliRun run = run("promote", "--service", "services/web", "--to", "production", "--push");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String tip = git.text(remote, "rev-parse", "main");
        assertThat(run.out()).endsWith("deployed: kubernetes/values.yaml\ncommit: " + tip + " (pushed)\n");
        assertThat(git.text(remote, "show", "main:kubernetes/values.yaml")).contains("production: 0.1.0 # production_services/web");
        assertThat(git.text(remote, "log", "-1", "--format=%B", "main")).contains("Slipway-Commit: " + built);
    }

    @Test
    @DisplayName("--force --reason overrides a refusal and records it; --force alone and --wait without --push are usage errors")
    void forced() throws IOException {
        unverifiedRelease();
        CliRun noReason = run("promote", "--service", "services/web", "--to", "production", "--force");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--force needs --reason TEXT");
        CliRun noPush = run("promote", "--service", "services/web", "--to", "production", "--wait");
        assertThat(noPush.exitCode()).isEqualTo(2);
        assertThat(noPush.err()).contains("--wait goes with --push");
        CliRun run = run("promote", "--service", "services/web", "--to", "production", "--push", "--force", "--reason",
                "incident 12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("FORCED: services/web 0.2.0 to production").contains("  override: incident 12\n");
        assertThat(git.text(remote, "log", "-1", "--format=%B", "main"))
                .contains("Slipway-Override: verified-in-source: incident 12");
    }

    @Test
    @DisplayName("an environment without a promotion policy is invalid input (exit 3), nothing on stdout")
    void noPolicy() {
        CliRun run = run("promote", "--service", "services/web", "--to", "staging");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("slipway: the environment staging has no promotion policy");
    }

    @Test
    @DisplayName("--wait needs a CD backend: without one it is invalid input, and nothing is deployed")
    void waitWithoutCd() {
        String before = git.text(remote, "rev-parse", "main");
        CliRun run = run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.0", "--push",
                "--wait");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--wait needs a CD backend");
        assertThat(git.text(remote, "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    @DisplayName("demo narrates the whole flow into --dir and says where to look; a directory in use is refused")
    void demo() throws IOException {
        Path dir = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("==> 1. Create a monorepo shaped like the reference kit",
                "DENIED: services/web 0.1.0 to production", "ALLOWED: services/go-backend 0.1.0 to production",
                "fix: rollback web to ", "Done: 11 steps in ");
        assertThat(run.out()).contains("slipway --repo " + dir.resolve("platform") + " status --local");
        assertThat(Files.isDirectory(dir.resolve("platform/.git"))).isTrue();
        CliRun again = CliRun.of("demo", "--dir", dir.toString());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("is not empty");
    }
}
