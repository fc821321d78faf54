package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Slipway;
import dev.slipway.core.config.SlipwayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code slipway config}: the effective configuration, exactly as the facade computes it.
 *
 * <p>The expected output is built from {@link SlipwayConfig}'s own renderings, so these tests check the
 * command's wiring (repository, {@code --config}, {@code --json}) and not the configuration model.
 */
class ConfigCommandTest {

    @TempDir
    Path repo;

    @BeforeEach
    void services() throws IOException {
        Files.createDirectories(repo.resolve("services/go-backend"));
        Files.createDirectories(repo.resolve("services/web"));
        Files.createDirectories(repo.resolve("services/.hidden"));
    }

    private SlipwayConfig effective() {
        return Slipway.builder().repository(repo).build().effectiveConfig();
    }

    private static String yaml(SlipwayConfig config) {
        String yaml = config.toYaml();
        return yaml.endsWith("\n") ? yaml : yaml + "\n";
    }

    @Test
    @DisplayName("prints the effective configuration as YAML")
    void yaml() {
        String expected = yaml(effective());

        CliRun run = CliRun.of("--repo", repo.toString(), "config");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @DisplayName("prints the effective configuration as JSON with --json before or after the command")
    void json(boolean before) {
        String expected = JsonWriter.write(effective().toTree());
        String[] args = before ? new String[] {"--json", "--repo", repo.toString(), "config"}
                : new String[] {"config", "--repo", repo.toString(), "--json"};

        CliRun run = CliRun.of(args);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(expected).startsWith("{\n");
    }

    @Test
    @DisplayName("reads the file given with --config instead of the repository's slipway.yaml")
    void configFile() throws IOException {
        Files.writeString(repo.resolve("slipway.yaml"), "versioning:\n  initial: 0.5.0\n");
        Path other = Files.writeString(Files.createTempDirectory(repo, "elsewhere").resolve("other.yaml"),
                "versioning:\n  initial: 2.0.0\n");
        String expected = yaml(Slipway.builder().repository(repo).config(other).build().effectiveConfig());

        CliRun run = CliRun.of("config", "--repo", repo.toString(), "--config", other.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(expected).isNotEqualTo(yaml(effective()));
    }

    @Test
    @DisplayName("an invalid slipway.yaml exits 3 with one line naming the file, and nothing on stdout")
    void invalidConfiguration() throws IOException {
        Files.writeString(repo.resolve("slipway.yaml"), "versioning: [unclosed\n");

        CliRun run = CliRun.of("config", "--repo", repo.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("slipway: ").contains("slipway.yaml");
    }
}
