package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedTest {

    @TempDir
    Path tmp;

    GitFixture git;
    String base;

    @BeforeEach
    void repo() {
        git = GitFixture.init(tmp.resolve("repo"));
        base = git.commit("init", "services/web/a", "services/web-api/a", "services/go-backend/a", "libs/common/a");
    }

    ChangedServices changed(String from, String to) {
        return Slipway.builder().repository(git.dir()).build().changed(from, Optional.ofNullable(to));
    }

    @Test
    @DisplayName("services whose files changed, sorted, on whole segments; the commits compared are reported")
    void simple() {
        String head = git.commit("change", "services/web-api/b", "README.md");
        ChangedServices c = changed(base, null);
        assertThat(c.services()).extracting(ServiceId::path).containsExactly("services/web-api");
        assertThat(c.base().hex()).isEqualTo(base);
        assertThat(c.head().hex()).isEqualTo(head);
    }

    @Test
    @DisplayName("a rename counts as delete and add: both services change")
    void rename() {
        String from = git.commit("web keeps a file", "services/web/keep");
        git.git("mv", "services/web/a", "services/go-backend/moved");
        git.git("commit", "-q", "-m", "move");
        assertThat(git.git("diff", "--no-renames", "--name-only", from, "HEAD").lines().toList())
                .containsExactly("services/go-backend/moved", "services/web/a");
        base = from;
        assertThat(changed(base, "HEAD").services()).extracting(ServiceId::path)
                .containsExactly("services/go-backend", "services/web");
    }

    @Test
    @DisplayName("a base that is not an ancestor of head is replaced by the merge base")
    void mergeBase() {
        git.git("checkout", "-q", "-b", "feature");
        String feature = git.commit("feature", "services/web/f");
        git.git("checkout", "-q", "main");
        String main = git.commit("main moves on", "services/go-backend/m");
        ChangedServices c = changed(main, feature);
        assertThat(c.base().hex()).isEqualTo(git.git("merge-base", main, feature)).isEqualTo(base);
        assertThat(c.services()).extracting(ServiceId::path).containsExactly("services/web");
    }

    @Test
    @DisplayName("an all-zero base (a new branch) means every service")
    void zeroBase() {
        git.commit("x", "README.md");
        ChangedServices c = changed("0".repeat(40), null);
        assertThat(c.base()).isEqualTo(CommitId.ZERO);
        assertThat(c.services()).extracting(ServiceId::path)
                .containsExactly("services/go-backend", "services/web", "services/web-api");
    }

    @Test
    @DisplayName("a change to a global path marks every service changed")
    void global() throws Exception {
        Files.writeString(git.dir().resolve("slipway.yaml"), "changes:\n  global: [\".github/workflows/**\"]\n");
        git.commit("config");
        String from = git.head();
        git.commit("ci", ".github/workflows/ci.yaml");
        assertThat(changed(from, null).services()).hasSize(3);
    }

    @Test
    @DisplayName("configured filters: shared libraries add services")
    void sharedLibrary() throws Exception {
        Files.writeString(git.dir().resolve("slipway.yaml"), """
                services:
                  - path: services/go-backend
                    paths: ["services/go-backend/**", "libs/common/**", "!**/*.md"]
                  - path: services/web
                """);
        git.commit("config");
        String from = git.head();
        git.commit("lib", "libs/common/util.go", "libs/common/README.md");
        assertThat(changed(from, null).services()).extracting(ServiceId::path).containsExactly("services/go-backend");
    }

    @Test
    @DisplayName("a base a shallow clone lacks is named with how to fetch more history")
    void shallow() {
        git.commit("b", "services/web/b");
        GitFixture clone = new GitFixture(tmp.resolve("clone"));
        clone.git("clone", "-q", "--depth", "1", "file://" + git.dir(), ".");
        Slipway s = Slipway.builder().repository(clone.dir()).build();
        assertThatThrownBy(() -> s.changed(base, Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown revision '" + base + "': this is a shallow clone that may lack it; fetch more"
                        + " history (fetch-depth: 0)");
    }
}
