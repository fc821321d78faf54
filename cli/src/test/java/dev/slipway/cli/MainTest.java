package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.cli.internal.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as {@code main} runs it: help, version, usage errors and the checks of the global
 * options.
 */
class MainTest {

    private static final String NL = System.lineSeparator();

    private static String version;

    @BeforeAll
    static void version() {
        version = System.getProperty("slipway.version");
        assertThat(version).as("the build's version (surefire sets slipway.version; run through Maven)")
                .isNotBlank();
    }

    private static CliRun run(String... args) {
        return CliRun.of(Main::run, args);
    }

    @Nested
    @DisplayName("--help")
    class Help {

        @ParameterizedTest
        @ValueSource(strings = {"--help", "-h"})
        @DisplayName("prints the usage with the commands, the global options and the exit codes, and exits 0")
        void help(String option) {
            CliRun run = run(option);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("Usage: slipway ")
                    .contains("--repo=DIR", "--config=FILE", "--json", "--verbose", "--cd=ID", "--version")
                    .containsPattern("(?m)^Commands:$")
                    .containsPattern("(?m)^  config +Prints the effective configuration")
                    .containsPattern("(?m)^  version +Prints the version CI builds")
                    .containsPattern("(?m)^  changed +Prints the services")
                    .containsPattern("(?m)^  adapters +Lists the backends")
                    .contains("Exit codes:", "  3  invalid input", "  5  a promotion was denied");
        }

        @Test
        @DisplayName("after a command prints that command's usage, with the global options")
        void commandHelp() {
            CliRun run = run("config", "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("Usage: slipway config ")
                    .contains("--repo=DIR", "--config=FILE", "--json", "--verbose", "--cd=ID");
        }

        @Test
        @DisplayName("the help command prints a command's usage")
        void helpCommand() {
            assertThat(run("help", "config").out()).isEqualTo(run("config", "--help").out());
        }
    }

    @Nested
    @DisplayName("--version")
    class Version {

        @ParameterizedTest
        @ValueSource(strings = {"--version", "-V"})
        @DisplayName("prints 'slipway <version>' and exits 0")
        void version(String option) {
            CliRun run = run(option);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("slipway " + MainTest.version + NL);
        }

        @Test
        @DisplayName("works after a command too")
        void afterCommand() {
            assertThat(run("config", "--version").out()).isEqualTo("slipway " + MainTest.version + NL);
        }
    }

    @Nested
    @DisplayName("usage errors")
    class UsageErrors {

        static Stream<Arguments> usageErrors() {
            return Stream.of(
                    Arguments.of(new String[] {"--frob"}, "slipway: Unknown option: '--frob'; see 'slipway --help'"),
                    Arguments.of(new String[] {"config", "--frob"},
                            "slipway: Unknown option: '--frob'; see 'slipway config --help'"),
                    Arguments.of(new String[] {"config", "--jsn"},
                            "slipway: Unknown option: '--jsn' (did you mean --json?); see 'slipway config --help'"),
                    Arguments.of(new String[] {"xyzzy"}, "slipway: unknown command 'xyzzy'; see 'slipway --help'"),
                    Arguments.of(new String[] {"conifg"},
                            "slipway: unknown command 'conifg' (did you mean config or version?); see 'slipway --help'"),
                    Arguments.of(new String[] {"--repo"},
                            "slipway: Missing required parameter for option '--repo' (DIR); see 'slipway --help'"),
                    Arguments.of(new String[] {"config", "--config"},
                            "slipway: Missing required parameter for option '--config' (FILE);"
                                    + " see 'slipway config --help'"),
                    Arguments.of(new String[] {"config", "extra"},
                            "slipway: Unmatched argument at index 1: 'extra'; see 'slipway config --help'"),
                    Arguments.of(new String[] {},
                            "slipway: missing command (one of: config, version, changed, release-plan, release, deploy, promote, rollback, status, demo, adapters, help); see 'slipway --help'"));
        }

        @ParameterizedTest
        @MethodSource("usageErrors")
        @DisplayName("exit 2 with picocli's message and a pointer to --help on one line of stderr, nothing on stdout")
        void usageError(String[] args, String message) {
            CliRun run = run(args);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo(message + NL);
        }
    }

    @Nested
    @DisplayName("the paths of the global options")
    class Paths {

        @TempDir
        Path dir;

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        @DisplayName("a --repo that does not exist exits 3 naming the path, before or after the command")
        void missingRepo(boolean before) {
            Path missing = dir.resolve("no-such-repo");
            String[] args = before ? new String[] {"--repo", missing.toString(), "config"}
                    : new String[] {"config", "--repo", missing.toString()};

            CliRun run = run(args);

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("slipway: --repo " + missing
                    + ": no such directory; pass the repository's root directory" + NL);
        }

        @Test
        @DisplayName("a relative --repo is named as given and as resolved")
        void relativeMissingRepo() {
            String name = "no-such-repo-" + UUID.randomUUID();

            CliRun run = run("config", "--repo", name);

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.errLines()).containsExactly("slipway: --repo " + name + " ("
                    + Path.of(name).toAbsolutePath() + "): no such directory; pass the repository's root directory");
        }

        @Test
        @DisplayName("a --repo that is a file exits 3")
        void repoIsAFile() throws IOException {
            Path file = Files.writeString(dir.resolve("file"), "x");

            CliRun run = run("config", "--repo", file.toString());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly("slipway: --repo " + file
                    + ": not a directory; pass the repository's root directory");
        }

        @Test
        @DisplayName("a --config that does not exist exits 3 naming the path")
        void missingConfig() {
            Path missing = dir.resolve("missing.yaml");

            CliRun run = run("--repo", dir.toString(), "config", "--config", missing.toString());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly("slipway: --config " + missing + ": no such file");
        }

        @Test
        @DisplayName("a --config that is a directory exits 3")
        void configIsADirectory() {
            CliRun run = run("--repo", dir.toString(), "config", "--config", dir.toString());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.errLines()).containsExactly("slipway: --config " + dir + ": not a regular file");
        }
    }
}
