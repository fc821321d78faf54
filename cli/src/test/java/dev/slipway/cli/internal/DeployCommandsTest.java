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

/** {@code slipway deploy}, {@code rollback} and {@code status} on a real clone of a bare remote, plain and --json. */
class DeployCommandsTest {

    static final String VALUES = """
            web:
              image:
                tag: 0.1.0-rc0001-gaaaaaaa # staging_services/web
            api:
              image:
                tag: 0.1.0 # staging_services/api
            """;

    @TempDir
    Path tmp;

    GitCli git;
    Path remote;
    Path work;
    String first;

    @BeforeEach
    void repositories() throws IOException {
        git = new GitCli(tmp.resolve("home"));
        Path seed = tmp.resolve("seed");
        git.text(tmp, "init", "-q", "-b", "main", seed.toString());
        write(seed, "services/web/main.go", "package main\n");
        write(seed, "services/api/main.go", "package main\n");
        write(seed, "kubernetes/staging/values.yaml", VALUES);
        git.text(seed, "add", "-A");
        git.text(seed, "commit", "-q", "-m", "layout");
        remote = tmp.resolve("remote.git");
        work = tmp.resolve("work");
        git.text(tmp, "clone", "-q", "--bare", seed.toString(), remote.toString());
        git.text(tmp, "clone", "-q", remote.toString(), work.toString());
        git.text(work, "config", "user.name", "CLI Deployer");
        git.text(work, "config", "user.email", "cli@slipway.invalid");
        first = git.text(work, "rev-parse", "HEAD");
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

    @Test
    @DisplayName("deploy prints the files it changed; without --commit nothing is committed")
    void deployWorkTree() {
        CliRun run = run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.1-rc0002-gbbbbbbb");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("kubernetes/staging/values.yaml\n");
        assertThat(run.err()).isEmpty();
        assertThat(git.text(work, "rev-parse", "HEAD")).isEqualTo(first);
        assertThat(git.text(work, "diff", "--numstat")).isEqualTo("1\t1\tkubernetes/staging/values.yaml");
    }

    @Test
    @DisplayName("deploy --push --json: service, environment, version, files and the pushed commit")
    void deployPushJson() {
        CliRun run = run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.1-rc0002-gbbbbbbb",
                "--push", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String tip = git.text(remote, "rev-parse", "main");
        assertThat(run.out()).isEqualTo("""
                {
                  "service": "services/web",
                  "environment": "staging",
                  "version": "0.1.1-rc0002-gbbbbbbb",
                  "files": [
                    "kubernetes/staging/values.yaml"
                  ],
                  "commit": "%s"
                }
                """.formatted(tip));
        CliRun again = run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.1-rc0002-gbbbbbbb",
                "--push", "--json");
        assertThat(again.out()).contains("\"files\": []").contains("\"commit\": null");
        assertThat(again.err()).isEmpty();
        CliRun plain = run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.1-rc0002-gbbbbbbb", "--push");
        assertThat(plain.out()).isEmpty();
        assertThat(plain.err()).isEqualTo("slipway: services/web already runs 0.1.1-rc0002-gbbbbbbb in staging; nothing changed\n");
        assertThat(git.text(remote, "rev-parse", "main")).isEqualTo(tip);
    }

    @Test
    @DisplayName("rollback prints the version it went back to; --to an unknown version needs --force --reason")
    void rollback() {
        assertThat(run("deploy", "--service", "services/web", "--env", "staging", "--version", "0.1.1-rc0002-gbbbbbbb",
                "--commit").exitCode()).isZero();
        CliRun back = run("rollback", "--service", "services/web", "--env", "staging", "--commit");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).isEqualTo("0.1.0-rc0001-gaaaaaaa\n");
        assertThat(git.text(work, "log", "-1", "--format=%s")).isEqualTo("fix: rollback web to 0.1.0-rc0001-gaaaaaaa");
        CliRun refused = run("rollback", "--service", "services/web", "--env", "staging", "--to", "9.9.9", "--commit");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("slipway: 9.9.9 never ran in staging");
        CliRun noReason = run("rollback", "--service", "services/web", "--env", "staging", "--to", "9.9.9", "--force");
        assertThat(noReason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReason.err()).contains("--force needs --reason");
        CliRun forced = run("rollback", "--service", "services/web", "--env", "staging", "--to", "9.9.9", "--commit",
                "--force", "--reason", "known good image", "--json");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("\"version\": \"9.9.9\"");
        assertThat(git.text(work, "log", "-1", "--format=%(trailers:key=Slipway-Override,valueonly)").strip())
                .isEqualTo("rollback-history: known good image");
    }

    @Test
    @DisplayName("status prints a table of services by environment; --json has the contract's shape; --local reads HEAD")
    void status() {
        assertThat(run("deploy", "--service", "services/api", "--env", "staging", "--version", "0.2.0", "--push").exitCode())
                .isZero();
        git.text(work, "reset", "-q", "--hard", first);
        CliRun table = run("status");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).isEqualTo("""
                SERVICE       STAGING                PRODUCTION
                services/api  0.2.0                  -
                services/web  0.1.0-rc0001-gaaaaaaa  -
                """);
        assertThat(run("status", "--local").out()).contains("services/api  0.1.0 ");
        CliRun json = run("status", "--json");
        assertThat(json.out()).startsWith("""
                {
                  "services": [
                    {
                      "service": "services/api",
                      "environments": {
                        "staging": {
                          "version": "0.2.0",
                          "files": [
                            "kubernetes/staging/values.yaml"
                          ],
                          "cd": null
                        },
                        "production": {
                          "version": null,
                          "files": [],
                          "cd": null
                        }
                      }
                    },
                """);
    }

    @Test
    @DisplayName("write flags: --remote without --push and a missing marker are refused with the right exit codes")
    void refusals() {
        CliRun remoteOnly = run("deploy", "--service", "services/web", "--env", "staging", "--version", "1.0.0", "--remote", "x");
        assertThat(remoteOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noMarker = run("deploy", "--service", "services/web", "--env", "production", "--version", "1.0.0");
        assertThat(noMarker.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noMarker.err()).contains("# production_services/web");
        CliRun badVersion = run("deploy", "--service", "services/web", "--env", "staging", "--version", "1.0.0+meta");
        assertThat(badVersion.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        CliRun unreachable = run("deploy", "--service", "services/web", "--env", "staging", "--version", "1.0.0", "--push",
                "--remote", "http://user:hunter2-secret@127.0.0.1:9/repo.git");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.BACKEND_FAILED);
        assertThat(unreachable.err()).doesNotContain("hunter2-secret").contains("127.0.0.1");
    }
}
