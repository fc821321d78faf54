package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.core.git.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole release flow on real repositories, with the git CLI as the oracle: commits on main, the release
 * pull request written on its branch, merged (squash, merge commit, rebase), {@code release} tags exactly the
 * merged releases at the right commits, and a second {@code release} creates nothing.
 */
class ReleaseFlowTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    GitFixture git;
    ReleasePlan plan;

    Slipway slipway() {
        return Slipway.builder().repository(git.dir()).clock(CLOCK).build();
    }

    @BeforeEach
    void history() {
        git = GitFixture.init(tmp.resolve("repo"));
        git.commit("chore: init", "services/web/a", "services/api/a", "services/worker/a");
        git.tag("services/web@1.2.0");
        git.annotatedTag("services/api@0.4.1");
        git.commit("feat(web): dark mode", "services/web/b");
        git.commit("fix(api): null check\n\nCloses #7", "services/api/b");
        git.commit("docs(worker): words", "services/worker/README.md");
        git.commit("feat!: shared change\n\nBREAKING CHANGE: web and api move", "services/web/c", "services/api/c");
    }

    /** Writes the plan on the release PR branch and commits it there, as a host's bot would. */
    String releaseBranch() {
        git.git("checkout", "-q", "-b", "slipway--branches--main");
        plan = slipway().writeReleasePlan();
        git.git("add", "-A");
        git.git("commit", "-q", "-m", plan.title(), "-m", "body");
        String commit = git.head();
        git.git("checkout", "-q", "main");
        return commit;
    }

    Map<String, String> tags(List<CreatedTag> created) {
        return created.stream().collect(Collectors.toMap(t -> t.tag().name(), t -> t.commit().hex()));
    }

    void assertTagged(String name, String commit) {
        assertThat(git.git("cat-file", "-t", "refs/tags/" + name)).isEqualTo("tag");
        assertThat(git.git("rev-parse", name + "^{commit}")).isEqualTo(commit);
    }

    @Test
    @DisplayName("squash merge: the squash commit gets exactly the planned tags, annotated with the CHANGELOG entry")
    void squash() {
        releaseBranch();
        assertThat(plan.releases()).extracting(r -> r.tag().name())
                .containsExactly("services/api@1.0.0", "services/web@2.0.0");
        git.commit("fix(web): lands while the PR is open", "services/web/d");
        git.git("merge", "-q", "--squash", "slipway--branches--main");
        git.git("commit", "-q", "-m", plan.title() + " (#42)");
        String squash = git.head();
        git.commit("chore: later", "README.md");

        List<CreatedTag> created = slipway().release(false, "origin");
        assertThat(tags(created)).isEqualTo(Map.of("services/api@1.0.0", squash, "services/web@2.0.0", squash));
        assertTagged("services/web@2.0.0", squash);
        assertTagged("services/api@1.0.0", squash);
        String message = git.git("for-each-ref", "--format=%(contents)", "refs/tags/services/web@2.0.0");
        assertThat(message.strip()).isEqualTo(plan.releases().get(1).changelog());
        assertThat(git.git("for-each-ref", "refs/tags/services/worker")).isEmpty();

        assertThat(slipway().release(false, "origin")).isEmpty();
        // the fix that landed while the PR was open is below the tag: released with it, as with Release Please
        assertThat(slipway().releasePlan().isEmpty()).isTrue();
        git.commit("fix(web): after the release", "services/web/e");
        ReleasePlan next = slipway().releasePlan();
        assertThat(next.pending()).isEmpty();
        assertThat(next.releases()).singleElement().satisfies(r -> {
            assertThat(r.tag().name()).isEqualTo("services/web@2.0.1");
            assertThat(r.previousTag()).map(t -> t.name()).contains("services/web@2.0.0");
        });
    }

    @Test
    @DisplayName("merge commit: the merge commit on main's first-parent chain is tagged, not the PR's commit")
    void mergeCommit() {
        String prCommit = releaseBranch();
        git.commit("chore: main moves on", "README.md");
        git.git("merge", "-q", "--no-ff", "-m", "Merge pull request #42 from acme/slipway--branches--main",
                "slipway--branches--main");
        String merge = git.head();
        assertThat(merge).isNotEqualTo(prCommit);
        Map<String, String> created = tags(slipway().release(false, "origin"));
        assertThat(created).isEqualTo(Map.of("services/api@1.0.0", merge, "services/web@2.0.0", merge));
        assertThat(slipway().release(false, "origin")).isEmpty();
        assertThat(slipway().releasePlan().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("rebase merge: the replayed commit that changed the versions file is tagged, not the tip")
    void rebase() {
        String prCommit = releaseBranch();
        git.commit("chore: main moves on", "README.md");
        git.git("cherry-pick", prCommit);
        String replayed = git.head();
        git.commit("fix(worker): after the release", "services/worker/b");
        Map<String, String> created = tags(slipway().release(false, "origin"));
        assertThat(created).isEqualTo(Map.of("services/api@1.0.0", replayed, "services/web@2.0.0", replayed));
        assertThat(slipway().release(false, "origin")).isEmpty();
        assertThat(slipway().releasePlan().releases()).extracting(r -> r.tag().name())
                .containsExactly("services/worker@0.1.0");
    }

    @Test
    @DisplayName("before the merge nothing is tagged, even with the PR branch checked out: tags follow main")
    void notMergedYet() {
        releaseBranch();
        git.git("checkout", "-q", "slipway--branches--main");
        assertThat(slipway().release(false, "origin")).isEmpty();
        assertThat(git.git("for-each-ref", "refs/tags/services/web@2.0.0")).isEmpty();
    }

    @Test
    @DisplayName("a merged plan is pending until release runs; the plan says so and proposes nothing more")
    void pendingUntilTagged() {
        releaseBranch();
        git.git("merge", "-q", "--ff-only", "slipway--branches--main");
        git.commit("feat(web): more", "services/web/e");
        ReleasePlan p = slipway().releasePlan();
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.pending()).extracting(r -> r.tag().name()).containsExactly("services/api@1.0.0", "services/web@2.0.0");
        slipway().release(false, "origin");
        assertThat(slipway().releasePlan().releases()).extracting(r -> r.tag().name()).containsExactly("services/web@2.1.0");
    }

    @Test
    @DisplayName("--push pushes the tags to the remote; pushing again is a no-op; a conflicting remote tag is an error")
    void push() {
        Path remote = tmp.resolve("remote.git");
        git.git("init", "-q", "--bare", remote.toString());
        git.git("remote", "add", "origin", remote.toString());
        releaseBranch();
        git.git("merge", "-q", "--squash", "slipway--branches--main");
        git.git("commit", "-q", "-m", plan.title());
        String squash = git.head();
        assertThat(tags(slipway().release(true, "origin"))).hasSize(2);
        String remoteTags = git.git("ls-remote", "--tags", remote.toString());
        assertThat(remoteTags).contains("refs/tags/services/web@2.0.0^{}").contains(squash + "\trefs/tags/services/api@1.0.0^{}");
        assertThat(slipway().release(true, "origin")).isEmpty();

        // a second clone's tag of the same name at another commit makes the push fail, naming the tag
        git.git("tag", "-d", "services/web@2.0.0");
        git.git("tag", "-a", "-m", "other", "services/web@2.0.0", "HEAD~1");
        assertThatThrownBy(() -> slipway().release(true, "origin")).isInstanceOf(BackendException.class)
                .hasMessageContaining("refs/tags/services/web@2.0.0");
    }
}
