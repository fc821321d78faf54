package dev.slipway.git.jgit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule GIT-13 where the contract kit cannot reach: the environment and the user's files, with an injected
 * environment and home directory.
 */
class IdentityTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>(Map.of("GIT_CONFIG_NOSYSTEM", "1"));

    private PersonIdent committer(Config repository, boolean readFiles) {
        return new Identity(env::get, repository, home, readFiles, "/repo").person(Identity.Role.COMMITTER, NOW);
    }

    private PersonIdent author(Config repository, boolean readFiles) {
        return new Identity(env::get, repository, home, readFiles, "/repo").person(Identity.Role.AUTHOR, NOW);
    }

    private static Config config(String text) throws Exception {
        Config config = new Config();
        config.fromText(text);
        return config;
    }

    @Test
    @DisplayName("GIT-13: no name and e-mail anywhere is an InvalidInputException that says how to set them, never a guess")
    void nothingConfigured() {
        assertThatThrownBy(() -> committer(new Config(), true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("git config user.name")
                .hasMessageContaining("GIT_COMMITTER_NAME")
                .hasMessageContaining("/repo");
        env.put("EMAIL", "only@mail.invalid");
        assertThatThrownBy(() -> committer(new Config(), true)).hasMessageContaining("no committer name");
    }

    @Test
    @DisplayName("GIT-13: the environment wins over every configuration, per role")
    void environmentFirst() throws Exception {
        Config repository = config("[user]\n name = Config User\n email = config@mail.invalid\n");
        env.put("GIT_COMMITTER_NAME", "Env Committer");
        env.put("GIT_COMMITTER_EMAIL", "committer@mail.invalid");
        PersonIdent committer = committer(repository, true);
        assertThat(committer.getName()).isEqualTo("Env Committer");
        assertThat(committer.getEmailAddress()).isEqualTo("committer@mail.invalid");
        assertThat(committer.getWhenAsInstant()).isEqualTo(NOW);
        PersonIdent author = author(repository, true);
        assertThat(author.getName()).isEqualTo("Config User");
        assertThat(author.getEmailAddress()).isEqualTo("config@mail.invalid");
    }

    @Test
    @DisplayName("GIT-13: isolated from JGit, the user's ~/.gitconfig still names the writer (read-only, identity keys only)")
    void userFileWhenIsolated() throws Exception {
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Home User\n\temail = home@mail.invalid\n");
        PersonIdent committer = committer(new Config(), true);
        assertThat(committer.getName()).isEqualTo("Home User");
        assertThat(committer.getEmailAddress()).isEqualTo("home@mail.invalid");
        assertThatThrownBy(() -> committer(new Config(), false)).isInstanceOf(InvalidInputException.class);
        // the repository's own configuration wins over the user's, committer.* over user.*
        Config repository = config("[user]\n name = Repo User\n[committer]\n email = bot@mail.invalid\n");
        assertThat(committer(repository, true).toExternalString()).startsWith("Repo User <bot@mail.invalid>");
    }

    @Test
    @DisplayName("GIT-13: GIT_CONFIG_GLOBAL replaces ~/.gitconfig; XDG_CONFIG_HOME/git/config is read; EMAIL is the last e-mail")
    void globalFileLocations() throws IOException {
        Files.writeString(home.resolve(".gitconfig"), "[user]\n name = Home User\n");
        Path global = Files.writeString(home.resolve("custom-global"), "[user]\n name = Custom Global\n");
        Path xdg = Files.createDirectories(home.resolve("xdg/git"));
        Files.writeString(xdg.resolve("config"), "[user]\n name = Xdg User\n email = xdg@mail.invalid\n");
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertThat(committer(new Config(), true).toExternalString()).startsWith("Home User <xdg@mail.invalid>");
        env.put("GIT_CONFIG_GLOBAL", global.toString());
        env.put("EMAIL", "fallback@mail.invalid");
        assertThat(committer(new Config(), true).toExternalString()).startsWith("Custom Global <fallback@mail.invalid>");
    }
}
