package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release plans from real repositories built with the git CLI. */
class ReleasePlanTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final ServiceId API = ServiceId.of("services/api");
    /** 23:30 UTC: the date is the UTC one even where it is already the next day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T23:30:00Z"), ZoneOffset.ofHours(5));

    @TempDir
    Path tmp;

    GitFixture git;

    @BeforeEach
    void repo() {
        git = GitFixture.init(tmp.resolve("repo"));
    }

    Slipway slipway() {
        return Slipway.builder().repository(git.dir()).clock(CLOCK).build();
    }

    Slipway slipway(String yaml) {
        return Slipway.builder().repository(git.dir()).clock(CLOCK).config(SlipwayConfig.parse(yaml, "slipway.yaml")).build();
    }

    static Map<String, String> nexts(ReleasePlan plan) {
        return plan.releases().stream().collect(Collectors.toMap(r -> r.service().path(), r -> r.next().toString()));
    }

    @Nested
    @DisplayName("attribution")
    class Attribution {

        @Test
        @DisplayName("a commit belongs to the services whose files it changes; versions per service since its tag")
        void perService() {
            git.commit("feat: web", "services/web/a");
            git.commit("fix: api", "services/api/a");
            git.tag("services/web@1.2.0");
            git.tag("services/api@0.3.1");
            git.commit("fix(web): bug", "services/web/a");
            git.commit("feat(api): thing", "services/api/b");
            git.commit("docs: readme", "README.md");
            ReleasePlan plan = slipway().releasePlan();
            assertThat(nexts(plan)).containsExactlyInAnyOrderEntriesOf(Map.of("services/web", "1.2.1", "services/api", "0.4.0"));
            ServiceRelease web = plan.releases().get(1);
            assertThat(web.service()).isEqualTo(WEB);
            assertThat(web.current()).map(Object::toString).contains("1.2.0");
            assertThat(web.bump()).isEqualTo(Bump.PATCH);
            assertThat(web.tag().name()).isEqualTo("services/web@1.2.1");
            assertThat(web.previousTag()).map(t -> t.name()).contains("services/web@1.2.0");
            assertThat(web.commits()).hasSize(1);
            assertThat(web.changelog()).isEqualTo("## 1.2.1 (2024-05-01)\n\n\n### Bug Fixes\n\n* **web:** bug "
                    + web.commits().get(0).hex().substring(0, 7));
            assertThat(plan.title()).isEqualTo("chore: release main");
            assertThat(plan.branch()).isEqualTo("slipway--branches--main");
        }

        @Test
        @DisplayName("a commit touching several services counts for each; one without changed files for every one")
        void sharedAndEmpty() {
            git.commit("chore: init", "services/web/a", "services/api/a");
            git.tag("services/web@1.0.0");
            git.tag("services/api@1.0.0");
            git.commit("feat: both", "services/web/b", "services/api/b");
            git.commit("fix: nothing changed");
            ReleasePlan plan = slipway().releasePlan();
            assertThat(nexts(plan)).isEqualTo(Map.of("services/web", "1.1.0", "services/api", "1.1.0"));
            assertThat(plan.releases()).allSatisfy(r -> assertThat(r.commits()).hasSize(2));
        }

        @Test
        @DisplayName("a nested service's files are not its parent's (the deepest service directory owns a file)")
        void nested() {
            String yaml = "services:\n  - path: services/web\n  - path: services/web/admin\n";
            git.commit("chore: init", "services/web/a", "services/web/admin/a");
            git.tag("services/web@1.0.0");
            git.tag("services/web/admin@1.0.0");
            git.commit("feat: admin only", "services/web/admin/b");
            assertThat(nexts(slipway(yaml).releasePlan())).isEqualTo(Map.of("services/web/admin", "1.1.0"));
        }

        @Test
        @DisplayName("path filters decide: shared libraries count, excluded files do not")
        void filters() {
            String yaml = "services:\n  - path: services/web\n    paths: [\"services/web/**\", \"libs/**\", \"!**/*.md\"]\n"
                    + "  - path: services/api\n";
            git.commit("chore: init", "services/web/a", "services/api/a");
            git.tag("services/web@1.0.0");
            git.tag("services/api@1.0.0");
            git.commit("feat: docs only", "services/web/README.md");
            assertThat(slipway(yaml).releasePlan().isEmpty()).isTrue();
            git.commit("fix: shared", "libs/common/x");
            assertThat(nexts(slipway(yaml).releasePlan())).isEqualTo(Map.of("services/web", "1.0.1"));
        }

        @Test
        @DisplayName("merge commits are skipped (their parents carry the changes); Slipway-* trailer commits too")
        void mergesAndSlipwayCommits() {
            git.commit("chore: init", "services/web/a");
            git.tag("services/web@1.0.0");
            git.git("checkout", "-q", "-b", "topic");
            git.commit("fix: on the branch", "services/web/b");
            git.git("checkout", "-q", "main");
            git.commit("chore: meanwhile", "README.md");
            git.git("merge", "-q", "--no-ff", "-m", "feat!: a merge message that would be breaking", "topic");
            git.commit("feat: deploy services/web 1.0.0 to staging\n\nSlipway-Service: services/web\n"
                    + "Slipway-Environment: staging", "services/web/values.yaml");
            ReleasePlan plan = slipway().releasePlan();
            assertThat(nexts(plan)).isEqualTo(Map.of("services/web", "1.0.1"));
            assertThat(plan.releases().get(0).commits()).hasSize(1);
        }

        @Test
        @DisplayName("non-conventional messages, fixups and chores alone give no release")
        void nothing() {
            git.commit("chore: init", "services/web/a");
            git.tag("services/web@1.0.0");
            git.commit("Update stuff", "services/web/a");
            git.commit("fixup! fix: x", "services/web/a");
            git.commit("chore(deps): bump", "services/web/a");
            ReleasePlan plan = slipway().releasePlan();
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.title()).isEmpty();
            assertThat(plan.files()).isEmpty();
        }

        @Test
        @DisplayName("first release: versioning.initial, whatever the bump; the header has no compare link")
        void firstRelease() {
            git.commit("feat!: brand new", "services/web/a");
            git.commit("chore: only chores", "services/api/a");
            ReleasePlan plan = slipway("versioning:\n  initial: 1.0.0\nchangelog:\n  repository-url: https://github.com/acme/platform\n")
                    .releasePlan();
            assertThat(plan.releases()).singleElement().satisfies(r -> {
                assertThat(r.service()).isEqualTo(WEB);
                assertThat(r.next()).hasToString("1.0.0");
                assertThat(r.bump()).isEqualTo(Bump.INITIAL);
                assertThat(r.current()).isEmpty();
                assertThat(r.changelog()).startsWith("## 1.0.0 (2024-05-01)\n\n\n### ⚠ BREAKING CHANGES\n\n* brand new\n\n"
                        + "### Features\n\n* brand new ([");
            });
            assertThat(plan.title()).isEqualTo("chore(main): release services/web 1.0.0");
        }

        @Test
        @DisplayName("with a repository URL and a previous tag the header links the comparison")
        void compare() {
            git.commit("feat: x", "services/web/a");
            git.tag("services/web@1.0.0");
            String sha = git.commit("feat: y (#12)", "services/web/a");
            ReleasePlan plan = slipway("changelog:\n  repository-url: https://github.com/acme/platform/\n").releasePlan();
            assertThat(plan.releases().get(0).changelog()).isEqualTo(
                    "## [1.1.0](https://github.com/acme/platform/compare/services/web@1.0.0...services/web@1.1.0) (2024-05-01)"
                            + "\n\n\n### Features\n\n* y ([#12](https://github.com/acme/platform/issues/12)) (["
                            + sha.substring(0, 7) + "](https://github.com/acme/platform/commit/" + sha + "))");
        }

        @Test
        @DisplayName("the per-service tag pattern names the tags read and proposed")
        void tagPattern() {
            String yaml = "services:\n  - path: packages/kit\n    tag: \"@sveltejs/kit@{version}\"\n";
            git.commit("feat: x", "packages/kit/a");
            git.tag("@sveltejs/kit@2.0.0");
            git.commit("fix: y", "packages/kit/a");
            ServiceRelease r = slipway(yaml).releasePlan().releases().get(0);
            assertThat(r.tag().name()).isEqualTo("@sveltejs/kit@2.0.1");
            assertThat(r.previousTag()).map(t -> t.name()).contains("@sveltejs/kit@2.0.0");
        }

        @Test
        @DisplayName("a shallow clone is refused with what to do")
        void shallow() {
            git.commit("feat: a", "services/web/a");
            git.commit("feat: b", "services/web/a");
            Path clone = tmp.resolve("clone");
            git.git("clone", "-q", "--depth", "1", "file://" + git.dir(), clone.toString());
            assertThatThrownBy(() -> Slipway.builder().repository(clone).build().releasePlan())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("shallow").hasMessageContaining("fetch");
        }
    }

    @Nested
    @DisplayName("writing the plan")
    class Writing {

        String read(String path) throws IOException {
            return Files.readString(git.dir().resolve(path), StandardCharsets.UTF_8);
        }

        @Test
        @DisplayName("--write prepends each CHANGELOG and records the versions; writing twice gives the same files")
        void write() throws IOException {
            git.commit("feat: web", "services/web/a", "services/api/a");
            Files.writeString(git.dir().resolve("services/web/CHANGELOG.md"), "# Changelog\n\n## 0.0.9 (2020-01-01)\n\n* old\n");
            git.git("add", "-A");
            git.git("commit", "-q", "-m", "docs: changelog");
            ReleasePlan plan = slipway().writeReleasePlan();
            assertThat(plan.files()).containsExactly("services/api/CHANGELOG.md", "services/web/CHANGELOG.md",
                    ".slipway/versions.json");
            String web = plan.releases().get(1).changelog();
            assertThat(read("services/web/CHANGELOG.md")).isEqualTo("# Changelog\n\n" + web + "\n\n## 0.0.9 (2020-01-01)\n\n* old\n");
            assertThat(read("services/api/CHANGELOG.md")).isEqualTo("# Changelog\n\n" + plan.releases().get(0).changelog() + "\n");
            assertThat(read(".slipway/versions.json")).isEqualTo("{\n  \"services/api\": \"0.1.0\",\n  \"services/web\": \"0.1.0\"\n}\n");
            slipway().writeReleasePlan();
            assertThat(read("services/web/CHANGELOG.md")).isEqualTo("# Changelog\n\n" + web + "\n\n## 0.0.9 (2020-01-01)\n\n* old\n");
            try (var files = Files.list(git.dir().resolve("services/web"))) {
                assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".CHANGELOG.md.tmp")
                        .allSatisfy(n -> assertThat(n).doesNotEndWith(".tmp"));
            }
        }

        @Test
        @DisplayName("an uncommitted edit of a file to write is refused, and nothing is written")
        void uncommitted() throws IOException {
            git.commit("feat: web", "services/web/a", "services/api/a");
            Files.writeString(git.dir().resolve("services/web/CHANGELOG.md"), "my notes\n");
            assertThatThrownBy(() -> slipway().writeReleasePlan()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("services/web/CHANGELOG.md has uncommitted changes");
            assertThat(git.dir().resolve("services/api/CHANGELOG.md")).doesNotExist();
            assertThat(git.dir().resolve(".slipway/versions.json")).doesNotExist();
        }

        @Test
        @DisplayName("a merged plan is pending until tagged: the next plan proposes nothing more for it")
        void pending() throws IOException {
            git.commit("feat: web", "services/web/a");
            slipway().writeReleasePlan();
            git.git("add", "-A");
            git.git("commit", "-q", "-m", "chore(main): release services/web 0.1.0");
            git.commit("feat: more", "services/web/a");
            ReleasePlan plan = slipway().releasePlan();
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.pending()).singleElement().satisfies(p -> {
                assertThat(p.tag().name()).isEqualTo("services/web@0.1.0");
                assertThat(p.version()).hasToString("0.1.0");
            });
            git.tag("services/web@0.1.0");
            git.git("tag", "-f", "services/web@0.1.0", "HEAD~1");
            ReleasePlan after = slipway().releasePlan();
            assertThat(after.pending()).isEmpty();
            assertThat(nexts(after)).isEqualTo(Map.of("services/web", "0.2.0"));
            assertThat(after.releases().get(0).commits()).hasSize(1);
        }

        @Test
        @DisplayName("an invalid versions file is an error naming it")
        void invalidVersionsFile() throws IOException {
            git.commit("feat: web", "services/web/a", ".slipway/versions.json");
            Files.writeString(git.dir().resolve(".slipway/versions.json"), "{\"services/web\": \"one\"}\n");
            git.git("commit", "-qam", "chore: break it");
            assertThatThrownBy(() -> slipway().releasePlan()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(".slipway/versions.json").hasMessageContaining("not a version");
        }
    }

    @Test
    @DisplayName("the plan lists only services with releasable commits, sorted")
    void sorted() {
        git.commit("fix: z", "services/zeta/a");
        git.commit("fix: a", "services/alpha/a");
        assertThat(slipway().releasePlan().releases().stream().map(r -> r.service().path()).toList())
                .isEqualTo(List.of("services/alpha", "services/zeta"));
    }
}
