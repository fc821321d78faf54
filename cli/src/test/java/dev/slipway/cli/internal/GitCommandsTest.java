package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway version} and {@code slipway changed} on a real repository, plain and --json. */
class GitCommandsTest {

    @TempDir
    Path tmp;

    Path repo;
    GitCli git;
    String first;
    String head;

    void commit(String message, String... files) throws IOException {
        for (String f : files) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, message + "\n");
        }
        git.text(repo, "add", "-A");
        git.text(repo, "commit", "-q", "-m", message);
    }

    @BeforeEach
    void repository() throws IOException {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git = new GitCli(tmp.resolve("home"));
        git.text(repo, "init", "-q", "-b", "main");
        commit("init", "services/web/a", "services/api/a");
        git.text(repo, "tag", "services/web@1.2.3");
        first = git.text(repo, "rev-parse", "HEAD");
        commit("web", "services/web/b");
        head = git.text(repo, "rev-parse", "HEAD");
    }

    CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--repo";
        all[1] = repo.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    @DisplayName("version --service prints the staging version")
    void version() {
        CliRun run = run("version", "--service", "services/web");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1.2.4-rc0001-g" + head.substring(0, 7) + "\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("version --json has service, environment, version, base, commits and the full commit")
    void versionJson() {
        CliRun run = run("version", "--service", "services/web", "--json");
        assertThat(run.out()).isEqualTo("""
                {
                  "service": "services/web",
                  "environment": "staging",
                  "version": "1.2.4-rc0001-g%s",
                  "base": "1.2.4",
                  "commits": 1,
                  "commit": "%s"
                }
                """.formatted(head.substring(0, 7), head));
    }

    @Test
    @DisplayName("version --ref with a release tag (refs/tags/ form too) prints exactly the release")
    void release() {
        CliRun run = run("--json", "version", "--service", "services/web", "--ref", "refs/tags/services/web@1.2.3");
        assertThat(run.out()).contains("\"version\": \"1.2.3\"", "\"environment\": \"production\"", "\"commits\": 0",
                "\"commit\": \"" + first + "\"");
    }

    @Test
    @DisplayName("version without --ref on a tagged HEAD warns that --ref <tag> gives the release")
    void warnsOnTaggedHead() {
        git.text(repo, "checkout", "-q", "services/web@1.2.3");
        CliRun run = run("version", "--service", "services/web");
        assertThat(run.out()).isEqualTo("1.2.4-rc0000-g" + first.substring(0, 7) + "\n");
        assertThat(run.errLines()).containsExactly("slipway: warning: HEAD carries the release tag services/web@1.2.3"
                + " of services/web; --ref services/web@1.2.3 gives the release version 1.2.3");
    }

    @Test
    @DisplayName("version --all prints service and version lines, or {versions: [...]} with --json")
    void all() {
        String sha = head.substring(0, 7);
        assertThat(run("version", "--all").out())
                .isEqualTo("services/api 0.1.0-rc0002-g" + sha + "\nservices/web 1.2.4-rc0001-g" + sha + "\n");
        assertThat(run("version", "--all", "--json").out()).startsWith("{\n  \"versions\": [\n    {\n"
                + "      \"service\": \"services/api\",");
    }

    @Test
    @DisplayName("version needs exactly one of --service and --all (usage error 2)")
    void usage() {
        CliRun run = run("version");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("slipway: Error: Missing required argument (specify one of these):");
        assertThat(run("version", "--all", "--service", "services/web").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown service or revision is exit 3 with one line naming it")
    void invalid() {
        CliRun service = run("version", "--service", "services/nope");
        assertThat(service.exitCode()).isEqualTo(3);
        assertThat(service.out()).isEmpty();
        assertThat(service.errLines()).containsExactly(
                "slipway: unknown service services/nope; known services: services/api, services/web");
        CliRun rev = run("changed", "--base", "nope");
        assertThat(rev.exitCode()).isEqualTo(3);
        assertThat(rev.errLines()).containsExactly("slipway: unknown revision 'nope'; give a commit, branch or tag");
    }

    @Test
    @DisplayName("changed prints the changed services, or base, head and services with --json")
    void changed() {
        assertThat(run("changed", "--base", first).out()).isEqualTo("services/web\n");
        assertThat(run("changed", "--base", first, "--head", first).out()).isEmpty();
        assertThat(run("changed", "--base", first, "--json").out()).isEqualTo("""
                {
                  "base": "%s",
                  "head": "%s",
                  "services": [
                    "services/web"
                  ]
                }
                """.formatted(first, head));
        assertThat(run("changed", "--base", "0".repeat(40)).out()).isEqualTo("services/api\nservices/web\n");
    }

    @Test
    @DisplayName("a shallow clone is refused (exit 3) with how to fetch the history")
    void shallow() {
        Path clone = tmp.resolve("clone");
        git.text(tmp, "clone", "-q", "--depth", "1", "file://" + repo, clone.toString());
        CliRun run = CliRun.of("--repo", clone.toString(), "version", "--all");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("shallow clone").contains("fetch-depth: 0");
    }
}
