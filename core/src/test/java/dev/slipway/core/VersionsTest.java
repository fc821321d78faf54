package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CountOverflowException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions from real repositories built with the git CLI, which also serves as the oracle. */
class VersionsTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final ServiceId API = ServiceId.of("services/web-api");

    @TempDir
    Path tmp;

    GitFixture git;

    @BeforeEach
    void repo() {
        git = GitFixture.init(tmp.resolve("repo"));
    }

    Slipway slipway() {
        return Slipway.builder().repository(git.dir()).build();
    }

    String staging(ServiceId service) {
        return slipway().version(service, Optional.empty()).version().toString();
    }

    static String sha(String commit) {
        return commit.substring(0, 7);
    }

    @Nested
    @DisplayName("staging versions")
    class Staging {

        @Test
        @DisplayName("base = highest release tag reachable + 1 patch; count = git rev-list --count TAG..HEAD")
        void linear() {
            git.commit("feat: web", "services/web/main.go");
            git.tag("services/web@0.2.1");
            git.commit("fix: web", "services/web/main.go");
            git.annotatedTag("services/web@0.2.2");
            git.commit("chore: other", "README.md");
            String head = git.commit("fix: web again", "services/web/main.go");
            BuildVersion v = slipway().version(WEB, Optional.empty());
            long count = git.count("services/web@0.2.2..HEAD");
            assertThat(count).isEqualTo(2);
            assertThat(v.version()).hasToString("0.2.3-rc0002-g" + sha(head));
            assertThat(v.base()).hasToString("0.2.3");
            assertThat(v.commits()).isEqualTo(2);
            assertThat(v.commit().hex()).isEqualTo(head);
            assertThat(v.environment()).isEqualTo("staging");
        }

        @Test
        @DisplayName("the highest version wins, not the nearest tag; pre-release and malformed tags are skipped")
        void highestNotNearest() {
            git.commit("a", "services/web/a");
            git.tag("services/web@1.4.0");
            git.commit("b", "services/web/b");
            git.tag("services/web@1.3.9");
            git.tag("services/web@2.0.0-rc.1");
            git.tag("services/web@v3.0.0");
            git.tag("services/web@3.0");
            String head = git.commit("c", "services/web/c");
            assertThat(staging(WEB)).isEqualTo("1.4.1-rc" + String.format("%04d", git.count("services/web@1.4.0..HEAD"))
                    + "-g" + sha(head));
        }

        @Test
        @DisplayName("another service's tags never match, even when one name is a prefix of the other")
        void prefixCollision() {
            git.commit("a", "services/web/a", "services/web-api/a");
            git.tag("services/web-api@5.0.0");
            git.tag("services/web@1.0.0");
            git.commit("b", "services/web-api/b");
            git.tag("services/web-api@5.0.1");
            String head = git.commit("c", "services/web/c");
            assertThat(staging(WEB)).isEqualTo("1.0.1-rc0002-g" + sha(head));
            assertThat(staging(API)).isEqualTo("5.0.2-rc0001-g" + sha(head));
        }

        @Test
        @DisplayName("a tag on a merged side branch is reachable; the count follows every parent")
        void mergedSideBranch() {
            git.commit("root", "services/web/a");
            git.tag("services/web@0.1.0");
            git.git("checkout", "-q", "-b", "side");
            git.commit("side 1", "services/web/side1");
            git.commit("side 2", "services/web/side2");
            git.tag("services/web@0.1.1");
            git.git("checkout", "-q", "main");
            git.commit("main 1", "services/web/main1");
            git.git("merge", "-q", "--no-ff", "-m", "merge side", "side");
            String head = git.head();
            long count = git.count("services/web@0.1.1..HEAD");
            assertThat(count).isEqualTo(2);
            assertThat(staging(WEB)).isEqualTo("0.1.2-rc0002-g" + sha(head));
        }

        @Test
        @DisplayName("several tags on one commit: the highest counts")
        void severalTagsOnOneCommit() {
            git.commit("a", "services/web/a");
            git.tag("services/web@0.9.0");
            git.tag("services/web@0.10.0");
            git.annotatedTag("services/web@0.2.0");
            String head = git.commit("b", "services/web/b");
            assertThat(staging(WEB)).isEqualTo("0.10.1-rc0001-g" + sha(head));
        }

        @Test
        @DisplayName("count 0 gives rc0000 when the tag is on HEAD, and the release tag at HEAD is reported")
        void countZero() {
            String head = git.commit("a", "services/web/a");
            git.tag("services/web@1.0.0");
            BuildVersion v = slipway().version(WEB, Optional.empty());
            assertThat(v.version()).hasToString("1.0.1-rc0000-g" + sha(head));
            assertThat(v.releaseAtCommit()).map(t -> t.name()).contains("services/web@1.0.0");
        }

        @Test
        @DisplayName("without a tag: the initial version, counting the commits whose tree holds the service")
        void untagged() {
            for (int i = 0; i < 5; i++) {
                git.commit("old " + i, "other/f" + i);
            }
            git.commit("add web", "services/web/a");
            git.commit("unrelated", "other/x");
            git.git("rm", "-q", "-r", "services/web");
            git.commit("remove web");
            git.commit("re-add web", "services/web/b");
            String head = git.commit("more", "services/web/c");
            long holding = git.git("rev-list", "HEAD").lines()
                    .filter(c -> exists(c + ":services/web")).count();
            assertThat(holding).isEqualTo(4);
            assertThat(staging(WEB)).isEqualTo("0.1.0-rc0004-g" + sha(head));
        }

        boolean exists(String object) {
            try {
                git.git("cat-file", "-e", object);
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }

        @Test
        @DisplayName("the configured initial version and pre-release scheme apply")
        void configured() throws Exception {
            Files.writeString(git.dir().resolve("slipway.yaml"),
                    "versioning:\n  initial: 1.0.0\n  prerelease: \"dev{count:6}-{sha:10}\"\n");
            String head = git.commit("a", "services/web/a");
            assertThat(staging(WEB)).isEqualTo("1.0.0-dev000001-" + head.substring(0, 10));
        }

        @Test
        @DisplayName("a count beyond the scheme's width is an error that says to cut a release")
        void overflow() throws Exception {
            Files.writeString(git.dir().resolve("slipway.yaml"), "versioning:\n  prerelease: \"rc{count:1}-g{sha:7}\"\n");
            git.commit("a", "services/web/a");
            git.tag("services/web@1.0.0");
            for (int i = 0; i < 10; i++) {
                git.commit("c" + i, "services/web/c" + i);
            }
            assertThatThrownBy(() -> staging(WEB)).isInstanceOf(CountOverflowException.class)
                    .hasMessageStartingWith("services/web: commit count 10 since base 1.0.1 does not fit the 1-digit count")
                    .hasMessageContaining("Cut a release");
        }

        @Test
        @DisplayName("a per-service tag pattern (changesets style) names the service's tags")
        void perServiceTag() throws Exception {
            Files.writeString(git.dir().resolve("slipway.yaml"), """
                    services:
                      - path: packages/kit
                        tag: "@sveltejs/kit@{version}"
                      - path: packages/adapter
                        tag: "@sveltejs/adapter@{version}"
                    """);
            git.commit("a", "packages/kit/a", "packages/adapter/a");
            git.tag("@sveltejs/kit@2.70.2");
            git.tag("packages/kit@9.0.0");
            String head = git.commit("b", "packages/kit/b");
            assertThat(staging(ServiceId.of("packages/kit"))).isEqualTo("2.70.3-rc0001-g" + sha(head));
            assertThat(staging(ServiceId.of("packages/adapter"))).isEqualTo("0.1.0-rc0002-g" + sha(head));
        }

        @Test
        @DisplayName("a detached HEAD is a commit like any other")
        void detached() {
            String first = git.commit("a", "services/web/a");
            git.tag("services/web@0.1.0");
            git.commit("b", "services/web/b");
            git.git("checkout", "-q", "--detach", first);
            assertThat(staging(WEB)).isEqualTo("0.1.1-rc0000-g" + sha(first));
        }
    }

    @Nested
    @DisplayName("releases and revisions")
    class Releases {

        @Test
        @DisplayName("a revision naming a release tag of the service gives exactly its version")
        void releaseTag() {
            String c = git.commit("a", "services/web/a");
            git.annotatedTag("services/web@0.2.3");
            git.commit("b", "services/web/b");
            for (String ref : List.of("services/web@0.2.3", "refs/tags/services/web@0.2.3")) {
                BuildVersion v = slipway().version(WEB, Optional.of(ref));
                assertThat(v.version()).hasToString("0.2.3");
                assertThat(v.base()).hasToString("0.2.3");
                assertThat(v.commits()).isZero();
                assertThat(v.commit().hex()).isEqualTo(c);
                assertThat(v.environment()).isEqualTo("production");
            }
        }

        @Test
        @DisplayName("another service's release tag is just a revision for this one")
        void otherServicesTag() {
            String c = git.commit("a", "services/web/a", "services/web-api/a");
            git.tag("services/web-api@1.0.0");
            git.commit("b", "services/web/b");
            assertThat(slipway().version(WEB, Optional.of("services/web-api@1.0.0")).version())
                    .hasToString("0.1.0-rc0001-g" + sha(c));
        }

        @Test
        @DisplayName("all services in one pass; a release tag revision gives its service the release")
        void all() {
            git.commit("a", "services/web/a", "services/web-api/a", "services/.hidden/a");
            git.tag("services/web@1.0.0");
            String c = git.commit("b", "services/web/b");
            git.tag("services/web-api@3.1.4");
            List<BuildVersion> all = slipway().versions(Optional.empty());
            assertThat(all).extracting(v -> v.service() + " " + v.version()).containsExactly(
                    "services/web 1.0.1-rc0001-g" + sha(c), "services/web-api 3.1.5-rc0000-g" + sha(c));
            assertThat(slipway().versions(Optional.of("services/web-api@3.1.4")))
                    .extracting(v -> v.service() + " " + v.version()).containsExactly(
                            "services/web 1.0.1-rc0001-g" + sha(c), "services/web-api 3.1.4");
        }

        @Test
        @DisplayName("services are discovered in the examined commit's tree, not the working tree")
        void discoveryAtCommit() {
            String first = git.commit("a", "services/web/a");
            git.commit("b", "services/web-api/a");
            assertThat(slipway().versions(Optional.of(first))).extracting(BuildVersion::service).containsExactly(WEB);
        }
    }

    @Nested
    @DisplayName("a facade kept between calls")
    class Reuse {

        @Test
        @DisplayName("sees new commits, tags and a gc between calls, and stays usable after close()")
        void freshAnswers() {
            git.commit("a", "services/web/a");
            Slipway slipway = slipway();
            String first = slipway.version(WEB, Optional.empty()).version().toString();
            String c = git.commit("b", "services/web/b");
            git.tag("services/web@2.0.0");
            assertThat(slipway.version(WEB, Optional.empty()).version().toString())
                    .isNotEqualTo(first).isEqualTo("2.0.1-rc0000-g" + sha(c));
            git.git("gc", "-q");
            String d = git.commit("c", "services/web/c");
            assertThat(slipway.versions(Optional.empty())).extracting(v -> v.version().toString())
                    .containsExactly("2.0.1-rc0001-g" + sha(d));
            slipway.close();
            assertThat(slipway.changed(c, Optional.empty()).services()).containsExactly(WEB);
            slipway.close();
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        @Test
        @DisplayName("a shallow clone (depth 1 or N) is refused with how to fetch the history, never a wrong count")
        void shallow() {
            for (int i = 0; i < 5; i++) {
                git.commit("c" + i, "services/web/c" + i);
            }
            for (String depth : List.of("1", "3")) {
                GitFixture clone = new GitFixture(tmp.resolve("clone-" + depth));
                clone.git("clone", "-q", "--depth", depth, "file://" + git.dir(), ".");
                Slipway s = Slipway.builder().repository(clone.dir()).build();
                assertThatThrownBy(() -> s.version(WEB, Optional.empty())).as("depth " + depth)
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("shallow clone").hasMessageContaining("fetch-depth: 0");
            }
        }

        @Test
        @DisplayName("an unknown revision or service is named in the error")
        void unknown() {
            git.commit("a", "services/web/a");
            assertThatThrownBy(() -> slipway().version(WEB, Optional.of("nope")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("unknown revision 'nope'; give a commit, branch or tag");
            assertThatThrownBy(() -> slipway().version(API, Optional.empty()))
                    .hasMessage("unknown service services/web-api; known services: services/web");
        }

        @Test
        @DisplayName("a repository without commits says so")
        void noCommits() {
            assertThatThrownBy(() -> slipway().versions(Optional.empty()))
                    .hasMessage("unknown revision 'HEAD': the repository has no commit yet");
        }

        @Test
        @DisplayName("a configuration without services discovers none in an empty tree")
        void config() {
            git.commit("a", "README.md");
            assertThat(slipway().versions(Optional.empty())).isEmpty();
            assertThat(SlipwayConfig.defaults().services()).isEmpty();
        }
    }
}
