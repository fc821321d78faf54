package dev.slipway.cli.internal;

import dev.slipway.api.InvalidInputException;
import dev.slipway.core.Slipway;
import dev.slipway.git.jgit.JGitBackend;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code slipway} command: holds the global options, which every subcommand inherits so
 * that they are accepted before or after the subcommand's name.
 */
@Command(
        name = "slipway",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = false,
        description = "Runs the GitOps release flow of a service monorepo.",
        subcommands = {ConfigCommand.class, VersionCommand.class, ChangedCommand.class, ReleasePlanCommand.class,
            ReleaseCommand.class, DeployCommand.class, PromoteCommand.class, RollbackCommand.class, StatusCommand.class,
            DemoCommand.class, AdaptersCommand.class, HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  internal error (a bug: please report it)",
            "  2  usage error",
            "  3  invalid input, configuration or repository state",
            "  4  a backend (git, registry, CD) failed",
            "  5  a promotion was denied"})
final class SlipwayCommand implements Callable<Integer> {

    /** JGit's logs (through SLF4J to java.util.logging): warnings only; held so the level sticks. */
    private static final class JGitLog {
        static final Logger LOG = Logger.getLogger("org.eclipse.jgit");

        private JGitLog() {
        }
    }

    /** Aliases accepted by {@code --cd}, mapped to the backend id they stand for. */
    private static final Map<String, String> CD_ALIASES = Map.of("argocd", "cd-argocd");

    @Spec
    private CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The repository's root directory (default: the current directory).")
    private Path repo;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The configuration file (default: slipway.yaml at the repository root).")
    private Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON instead of text.")
    private boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Explain failures in detail (stack traces).")
    private boolean verbose;

    @Option(names = "--cd", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "The CD backend to use (cd-argocd; argocd is an alias).")
    private String cd;

    SlipwayCommand() {
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command (one of: " + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    /**
     * The repository's root directory, absolute and normalized.
     *
     * @return the directory
     * @throws InvalidInputException if it does not exist or is not a directory
     */
    Path repository() {
        Path given = repo == null ? Path.of("") : repo;
        Path root = given.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new InvalidInputException(given.toString(),
                    "--repo " + describe(given, root) + ": no such directory; pass the repository's root directory");
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(given.toString(),
                    "--repo " + describe(given, root) + ": not a directory; pass the repository's root directory");
        }
        return root;
    }

    /**
     * The configuration file given with {@code --config}, absolute and normalized.
     *
     * @return the file, or empty when the repository's {@code slipway.yaml} (or the default) applies
     * @throws InvalidInputException if the file does not exist or is not a regular file
     */
    Optional<Path> configFile() {
        if (config == null) {
            return Optional.empty();
        }
        Path file = config.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new InvalidInputException(config.toString(),
                    "--config " + describe(config, file) + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(config.toString(),
                    "--config " + describe(config, file) + ": not a regular file");
        }
        return Optional.of(file);
    }

    /**
     * Whether {@code --json} was given.
     *
     * @return true for JSON output
     */
    boolean json() {
        return json;
    }

    /**
     * Whether {@code --verbose} was given.
     *
     * @return true for detailed failures
     */
    boolean verbose() {
        return verbose;
    }

    /**
     * The CD backend id given with {@code --cd}, aliases resolved ({@code argocd} is {@code cd-argocd}).
     *
     * @return the id, or empty when none was given
     */
    Optional<String> cdBackend() {
        if (cd == null) {
            return Optional.empty();
        }
        String id = cd.strip();
        return Optional.of(CD_ALIASES.getOrDefault(id.toLowerCase(Locale.ROOT), id));
    }

    /**
     * The facade over the repository and configuration the global options name.
     *
     * @return the facade
     * @throws InvalidInputException if an option names a missing path or the configuration is invalid
     */
    Slipway slipway() {
        isolateGit();
        Slipway.Builder builder = Slipway.builder().repository(repository());
        configFile().ifPresent(builder::config);
        cdBackend().ifPresent(builder::cd);
        return builder.build();
    }

    /**
     * Keeps JGit away from the user's git and JGit configuration and quiet; done when a command first needs git,
     * not at start-up, so {@code --help} and {@code --version} do not load JGit.
     */
    void isolateGit() {
        JGitBackend.isolate();
        JGitLog.LOG.setLevel(Level.WARNING);
    }

    /**
     * Prints a command's complete output: rendered before anything is printed, so a failure leaves the
     * output stream empty.
     *
     * @param text the output
     * @return {@link ExitCodes#OK}
     */
    int print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(Path given, Path absolute) {
        return given.isAbsolute() || given.toString().isEmpty() ? absolute.toString()
                : given + " (" + absolute + ")";
    }
}
