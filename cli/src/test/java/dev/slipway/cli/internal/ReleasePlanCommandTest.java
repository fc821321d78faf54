package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway release-plan} and {@code slipway release} on a real repository, plain and --json. */
class ReleasePlanCommandTest {

    @TempDir
    Path tmp;

    Path repo;
    GitCli git;

    String commit(String message, String... files) throws IOException {
        for (String f : files) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, message + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        git.text(repo, "add", "-A");
        git.text(repo, "commit", "-q", "-m", message);
        return git.text(repo, "rev-parse", "HEAD");
    }

    @BeforeEach
    void repository() throws IOException {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git = new GitCli(tmp.resolve("home"));
        git.text(repo, "init", "-q", "-b", "main");
        commit("chore: init", "services/web/a", "services/api/a");
        git.text(repo, "tag", "services/web@1.2.3");
    }

    CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--repo";
        all[1] = repo.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    @DisplayName("release-plan prints the title, a blank line, then the body")
    void plain() throws IOException {
        String sha = commit("feat(ui): dark mode", "services/web/b");
        CliRun run = run("release-plan");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                chore(main): release services/web 1.3.0

                :robot: I have created a release *beep* *boop*
                ---


                <details><summary>services/web: 1.3.0</summary>

                ## 1.3.0 (%s)


                ### Features

                * **ui:** dark mode %s
                </details>

                ---
                This PR was generated with Slipway (`slipway release-plan`); merging it records the releases in\
                 `.slipway/versions.json`, and `slipway release` then tags them.
                """.formatted(today(), sha.substring(0, 7)));
        assertThat(run.err()).isEmpty();
        assertThat(repo.resolve("services/web/CHANGELOG.md")).doesNotExist();
    }

    @Test
    @DisplayName("release-plan --json: {title, body, branch, releases: [{service, current, next, bump, changelog}]}")
    void json() throws IOException {
        commit("fix: api", "services/api/b");
        commit("feat!: web", "services/web/b");
        CliRun run = run("release-plan", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"title\": \"chore: release main\",\n  \"body\": \":robot: I have created")
                .contains("""
                          "branch": "slipway--branches--main",
                          "releases": [
                            {
                              "service": "services/api",
                              "current": null,
                              "next": "0.1.0",
                              "bump": "initial",
                              "changelog": "## 0.1.0 (%s)\\n\\n\\n### Bug Fixes\\n\\n* api\
                        """.formatted(today()))
                .contains("""
                              "service": "services/web",
                              "current": "1.2.3",
                              "next": "2.0.0",
                              "bump": "major",
                        """);
    }

    @Test
    @DisplayName("release-plan --write writes the CHANGELOGs and the versions file and says so on stderr")
    void write() throws IOException {
        commit("fix: web", "services/web/b");
        CliRun run = run("release-plan", "--write");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("slipway: wrote services/web/CHANGELOG.md, .slipway/versions.json\n");
        assertThat(Files.readString(repo.resolve("services/web/CHANGELOG.md"))).startsWith("# Changelog\n\n## 1.2.4 (");
        assertThat(Files.readString(repo.resolve(".slipway/versions.json"))).isEqualTo("{\n  \"services/web\": \"1.2.4\"\n}\n");
    }

    @Test
    @DisplayName("nothing to release: empty stdout and a note on stderr; --json has null title and body")
    void nothing() throws IOException {
        commit("docs: words", "services/web/b");
        CliRun run = run("release-plan");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("slipway: nothing to release\n");
        assertThat(run("release-plan", "--json").out()).isEqualTo("""
                {
                  "title": null,
                  "body": null,
                  "branch": "slipway--branches--main",
                  "releases": []
                }
                """);
    }

    @Test
    @DisplayName("release after the merged plan prints the tags created, one a line; --json {tags}; again: none")
    void release() throws IOException {
        commit("fix: web", "services/web/b");
        commit("feat: api", "services/api/b");
        assertThat(run("release-plan", "--write").exitCode()).isZero();
        git.text(repo, "add", "-A");
        git.text(repo, "commit", "-q", "-m", "chore: release main");
        String head = git.text(repo, "rev-parse", "HEAD");
        CliRun run = run("release", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\n  \"tags\": [\n    \"services/api@0.1.0\",\n    \"services/web@1.2.4\"\n  ]\n}\n");
        assertThat(git.text(repo, "rev-parse", "services/web@1.2.4^{commit}")).isEqualTo(head);
        assertThat(run("release").out()).isEmpty();
        assertThat(run("release", "--json").out()).isEqualTo("{\n  \"tags\": []\n}\n");
    }

    @Test
    @DisplayName("release plain output: tag names, one a line; --push to an unknown remote is exit 3")
    void releasePlain() throws IOException {
        commit("fix: web", "services/web/b");
        run("release-plan", "--write");
        git.text(repo, "add", "-A");
        git.text(repo, "commit", "-q", "-m", "chore(main): release services/web 1.2.4");
        CliRun push = run("release", "--push", "--remote", "nowhere");
        assertThat(push.exitCode()).as(push.err()).isEqualTo(3);
        assertThat(push.out()).isEmpty();
        git.text(repo, "tag", "-d", "services/web@1.2.4");
        assertThat(run("release").out()).isEqualTo("services/web@1.2.4\n");
    }

    @Test
    @DisplayName("an invalid Release-As footer is exit 3 with one line naming it")
    void invalid() throws IOException {
        commit("fix: web\n\nRelease-As: banana", "services/web/b");
        CliRun run = run("release-plan");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("slipway: commit ").contains("Release-As: banana");
    }
}
