package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlipwayTest {

    @TempDir
    Path repo;

    @Test
    @DisplayName("without slipway.yaml the facade uses the embedded default and discovers services/*")
    void embeddedDefault() throws IOException {
        Files.createDirectories(repo.resolve("services/web"));
        Slipway slipway = Slipway.builder().repository(repo).build();
        assertThat(slipway.config()).isEqualTo(SlipwayConfig.defaults());
        assertThat(slipway.effectiveConfig().services().orElseThrow())
                .containsExactly(ServiceConfig.of(ServiceId.of("services/web")));
        assertThat(slipway.repository()).isEqualTo(repo);
    }

    @Test
    @DisplayName("slipway.yaml at the root is read; --config names another file; a config object wins over both")
    void configSources() throws IOException {
        Files.writeString(repo.resolve("slipway.yaml"), "versioning:\n  initial: 1.0.0\n");
        Path other = repo.resolve("other.yaml");
        Files.writeString(other, "versioning:\n  initial: 2.0.0\n");
        assertThat(Slipway.builder().repository(repo).build().config().versioning().initial())
                .isEqualTo(Version.of(1, 0, 0));
        assertThat(Slipway.builder().repository(repo).config(other).build().config().versioning().initial())
                .isEqualTo(Version.of(2, 0, 0));
        assertThat(Slipway.builder().repository(repo).config(other).config(SlipwayConfig.defaults()).build().config())
                .isEqualTo(SlipwayConfig.defaults());
    }

    @Test
    @DisplayName("an invalid slipway.yaml fails the build with the file's position")
    void invalidConfig() throws IOException {
        Files.writeString(repo.resolve("slipway.yaml"), "versioning:\n  initial: one\n");
        assertThatThrownBy(() -> Slipway.builder().repository(repo).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(repo.resolve("slipway.yaml") + ":2:12: invalid version \"one\"");
    }

    @Test
    @DisplayName("a repository that does not exist, or is a file, is refused naming the path")
    void badRepository() throws IOException {
        Path missing = repo.resolve("missing");
        assertThatThrownBy(() -> Slipway.builder().repository(missing).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the repository " + missing + " does not exist; give the repository's root directory (--repo DIR)");
        Path file = Files.writeString(repo.resolve("file"), "x");
        assertThatThrownBy(() -> Slipway.builder().repository(file).build())
                .hasMessage("the repository " + file + " is not a directory; give the repository's root directory (--repo DIR)");
    }

    @Test
    @DisplayName("the clock is the host's")
    void clock() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(Slipway.builder().repository(repo).clock(fixed).build().clock()).isSameAs(fixed);
    }
}
