package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.InvalidVersionException;
import dev.slipway.api.SlipwayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The global options and the exit-code mapping, through a probe command added to the real command tree.
 */
class CliTest {

    /** A command that prints the global options it sees, or throws what it is given. */
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {

        @ParentCommand
        private SlipwayCommand slipway;

        @Spec
        private CommandSpec spec;

        private final Supplier<? extends Throwable> failure;

        Probe(Supplier<? extends Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure != null) {
                Throwable thrown = failure.get();
                if (thrown instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) thrown;
            }
            spec.commandLine().getOut().printf("repo=%s config=%s json=%s verbose=%s cd=%s%n",
                    slipway.repository(), slipway.configFile().map(Path::toString).orElse("-"), slipway.json(),
                    slipway.verbose(), slipway.cdBackend().orElse("-"));
            return ExitCodes.OK;
        }
    }

    private static CliRun probe(String... args) {
        return CliRun.with(command -> command.addSubcommand(new Probe(null)), args);
    }

    private static CliRun failing(Supplier<? extends Throwable> failure, String... args) {
        return CliRun.with(command -> command.addSubcommand(new Probe(failure)), args);
    }

    private static String[] args(String... args) {
        return args;
    }

    @Nested
    @DisplayName("global options")
    class GlobalOptions {

        @TempDir
        Path repo;

        Path config;

        private String expected(String cd) {
            return "repo=" + repo.toAbsolutePath().normalize() + " config=" + config.toAbsolutePath().normalize()
                    + " json=true verbose=true cd=" + cd + System.lineSeparator();
        }

        private Path config() throws IOException {
            config = Files.writeString(repo.resolve("other.yaml"), "versioning: {}\n");
            return config;
        }

        @Test
        @DisplayName("are accepted before the command")
        void beforeTheCommand() throws IOException {
            CliRun run = probe("--repo", repo.toString(), "--config", config().toString(), "--json", "--verbose",
                    "--cd", "cd-argocd", "probe");

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(expected("cd-argocd"));
        }

        @Test
        @DisplayName("are accepted after the command")
        void afterTheCommand() throws IOException {
            CliRun run = probe("probe", "--repo", repo.toString(), "--config", config().toString(), "--json",
                    "--verbose", "--cd", "cd-argocd");

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(expected("cd-argocd"));
        }

        @Test
        @DisplayName("are accepted on both sides of the command at once")
        void onBothSides() throws IOException {
            CliRun run = probe("--json", "--repo=" + repo, "probe", "--verbose", "--config=" + config(),
                    "--cd=cd-argocd");

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(expected("cd-argocd"));
        }

        @Test
        @DisplayName("default to the current directory, slipway.yaml, text, terse and no CD backend")
        void defaults() {
            CliRun run = probe("probe");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("repo=" + Path.of("").toAbsolutePath().normalize()
                    + " config=- json=false verbose=false cd=-" + System.lineSeparator());
        }

        @ParameterizedTest
        @ValueSource(strings = {"argocd", "ArgoCD", "cd-argocd"})
        @DisplayName("take argocd as an alias of cd-argocd")
        void cdAlias(String id) {
            CliRun run = probe("probe", "--cd", id);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).endsWith(" cd=cd-argocd" + System.lineSeparator());
        }

        @Test
        @DisplayName("keep a CD backend id that is no alias as given")
        void cdOtherId() {
            assertThat(probe("--cd", "cd-other", "probe").out()).endsWith(" cd=cd-other" + System.lineSeparator());
        }

        @Test
        @DisplayName("resolve --repo to an absolute, normalized directory")
        void repoNormalized() throws IOException {
            Path nested = Files.createDirectory(repo.resolve("nested"));

            CliRun run = probe("probe", "--repo", nested + "/../nested/.");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("repo=" + nested.toAbsolutePath().normalize() + " ");
        }
    }

    @Nested
    @DisplayName("exit codes and error messages")
    class Errors {

        @Test
        @DisplayName("invalid input exits 3 with its message on one line and nothing on stdout")
        void invalidInput() {
            CliRun run = failing(() -> new InvalidInputException("x y", "service 'x y' is not a valid path"), "probe");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("slipway: service 'x y' is not a valid path" + System.lineSeparator());
        }

        @Test
        @DisplayName("every subclass of InvalidInputException exits 3")
        void invalidInputSubclasses() {
            CliRun config = failing(() -> new InvalidConfigurationException("slipway.yaml", 3, 7, "enviroments",
                    "unknown key 'enviroments'; did you mean 'environments'?"), "probe");
            CliRun version = failing(() -> new InvalidVersionException("1.2", "not a version"), "probe");

            assertThat(config.exitCode()).isEqualTo(3);
            assertThat(config.err()).isEqualTo("slipway: slipway.yaml:3:7: unknown key 'enviroments'; did you mean"
                    + " 'environments'?" + System.lineSeparator());
            assertThat(config.out()).isEmpty();
            assertThat(version.exitCode()).isEqualTo(3);
            assertThat(version.out()).isEmpty();
        }

        @Test
        @DisplayName("a failed backend exits 4 with its message on one line and nothing on stdout")
        void backend() {
            CliRun run = failing(() -> new BackendException("git push to origin rejected: retries exhausted after 5m"),
                    "probe");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("slipway: git push to origin rejected: retries exhausted after 5m"
                    + System.lineSeparator());
        }

        @Test
        @DisplayName("an unexpected exception is an internal error: exit 1, the exception, --verbose and a plea to report")
        void internalError() {
            CliRun run = failing(() -> new IllegalStateException("boom"), "probe");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("slipway: internal error: java.lang.IllegalStateException: boom")
                    .contains("--verbose")
                    .contains("report"));
        }

        @Test
        @DisplayName("a SlipwayException outside the mapped families is an internal error too")
        void unmappedSlipwayException() {
            CliRun run = failing(() -> new SlipwayException("odd"), "probe");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("slipway: internal error: dev.slipway.api.SlipwayException: odd");
        }

        @Test
        @DisplayName("a checked exception is an internal error")
        void checkedException() {
            CliRun run = failing(() -> new IOException("disk gone"), "probe");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("slipway: internal error: java.io.IOException: disk gone");
        }

        @Test
        @DisplayName("an Error thrown by a command is an internal error, not a crash")
        void error() {
            CliRun run = failing(() -> new AssertionError("unreachable"), "probe");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("slipway: internal error: java.lang.AssertionError: unreachable");
        }

        @Test
        @DisplayName("a message over several lines is folded onto one")
        void multiLineMessage() {
            CliRun run = failing(() -> new BackendException("registry answered 500:\n  internal error\r\n  retry later\n"),
                    "probe");

            assertThat(run.err()).isEqualTo("slipway: registry answered 500: internal error retry later"
                    + System.lineSeparator());
        }

        @Test
        @DisplayName("control characters in a message (it may quote input) are defused")
        void controlCharacters() {
            CliRun run = failing(() -> new InvalidInputException("\u001b[31m", "bad tag '\u001b[31m'"), "probe");

            assertThat(run.err()).isEqualTo("slipway: bad tag '?[31m'" + System.lineSeparator());
        }

        @Test
        @DisplayName("messages are written in UTF-8, whatever the platform's default charset")
        void utf8() {
            CliRun run = failing(() -> new InvalidInputException("dépôt/服务", "unknown service 'dépôt/服务'"), "probe");

            assertThat(run.err()).isEqualTo("slipway: unknown service 'dépôt/服务'" + System.lineSeparator());
        }

        @Test
        @DisplayName("an exception with a blank message is named instead")
        void noMessage() {
            CliRun run = failing(() -> new BackendException(" "), "probe");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).isEqualTo("slipway: dev.slipway.api.BackendException" + System.lineSeparator());
        }

        static Stream<Arguments> verbosePositions() {
            return Stream.of(Arguments.of((Object) args("--verbose", "probe")),
                    Arguments.of((Object) args("probe", "--verbose")));
        }

        @ParameterizedTest
        @MethodSource("verbosePositions")
        @DisplayName("--verbose adds the stack trace after the one-line message")
        void verboseStackTrace(String[] args) {
            CliRun run = failing(() -> new BackendException("argocd unreachable",
                    new UncheckedIOException(new IOException("connection refused"))), args);

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.out()).isEmpty();
            List<String> lines = run.errLines();
            assertThat(lines.get(0)).isEqualTo("slipway: argocd unreachable");
            assertThat(lines.get(1)).isEqualTo("dev.slipway.api.BackendException: argocd unreachable");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("\tat " + Probe.class.getName()));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Caused by: java.io.UncheckedIOException"));
        }

        @Test
        @DisplayName("--verbose on an internal error prints the stack trace to report")
        void verboseInternalError() {
            CliRun run = failing(() -> new NullPointerException("npe"), "probe", "--verbose");

            assertThat(run.exitCode()).isEqualTo(1);
            List<String> lines = new ArrayList<>(run.errLines());
            assertThat(lines.get(0)).startsWith("slipway: internal error: java.lang.NullPointerException: npe")
                    .contains("report");
            assertThat(lines.get(1)).isEqualTo("java.lang.NullPointerException: npe");
            assertThat(lines.subList(2, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
                    "\\tat .*|\\t\\.\\.\\. \\d+ more|Caused by: .*"));
        }

        @Test
        @DisplayName("without --verbose there is exactly one line on stderr")
        void terse() {
            CliRun run = failing(() -> new BackendException("argocd unreachable",
                    new UncheckedIOException(new IOException("connection refused"))), "probe");

            assertThat(run.errLines()).containsExactly("slipway: argocd unreachable");
        }
    }

    @Nested
    @DisplayName("the exit-code mapping")
    class Mapping {

        static Stream<Arguments> failures() {
            return Stream.of(
                    Arguments.of(new InvalidInputException("x", "m"), 3),
                    Arguments.of(new InvalidConfigurationException("f", 0, 0, "x", "m"), 3),
                    Arguments.of(new InvalidVersionException("x", "m"), 3),
                    Arguments.of(new BackendException("m"), 4),
                    Arguments.of(new BackendException("m", new InvalidInputException("x", "cause")), 4),
                    Arguments.of(new SlipwayException("m"), 1),
                    Arguments.of(new RuntimeException("m", new BackendException("cause")), 1),
                    Arguments.of(new IllegalArgumentException(), 1),
                    Arguments.of(new IOException(), 1),
                    Arguments.of(new StackOverflowError(), 1));
        }

        @ParameterizedTest
        @MethodSource("failures")
        @DisplayName("maps each exception family to its exit code by the exception's own type")
        void mapping(Throwable failure, int exitCode) {
            assertThat(ErrorHandler.exitCode(failure)).isEqualTo(exitCode);
        }

        @Test
        @DisplayName("keeps the codes of the CLI contract")
        void codes() {
            assertThat(List.of(ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
                    ExitCodes.BACKEND_FAILED, ExitCodes.PROMOTION_DENIED)).containsExactly(0, 1, 2, 3, 4, 5);
        }
    }
}
