package dev.slipway.git.jgit.internal;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The author and committer git would record (rule GIT-13): the environment ({@code GIT_AUTHOR_*},
 * {@code GIT_COMMITTER_*}), then {@code author.*} / {@code committer.*}, then {@code user.*} from the
 * repository's configuration (which, unless JGit is isolated, already includes the user's and system's), then
 * the user's and the system's configuration files read directly (read-only, only these keys: how the identity
 * is found when {@code JGitBackend.isolate()} hides them from JGit), then {@code EMAIL} for the e-mail.
 * Never a guess from the login or host name.
 */
final class Identity {

    /** Whose identity: the environment variable prefix and the configuration section. */
    enum Role {
        AUTHOR("GIT_AUTHOR_", "author"),
        COMMITTER("GIT_COMMITTER_", "committer");

        private final String envPrefix;
        private final String section;

        Role(String envPrefix, String section) {
            this.envPrefix = envPrefix;
            this.section = section;
        }
    }

    private final Function<String, String> env;
    private final List<Config> configs;
    private final String where;

    /**
     * @param env the environment
     * @param repositoryConfig the repository's configuration (with its user and system parents)
     * @param home the user's home directory, or null when unknown
     * @param readFiles whether to read the user's and the system's configuration files directly
     * @param where the repository's location, for messages
     */
    Identity(Function<String, String> env, Config repositoryConfig, Path home, boolean readFiles, String where) {
        this.env = env;
        this.where = where;
        List<Config> found = new ArrayList<>();
        found.add(repositoryConfig);
        if (readFiles) {
            for (Path file : userAndSystemFiles(env, home)) {
                read(file).ifPresent(found::add);
            }
        }
        this.configs = List.copyOf(found);
    }

    /** The identity of a role, dated now in the system's time zone. */
    PersonIdent person(Role role, Instant when) {
        String name = firstOf(env.apply(role.envPrefix + "NAME"), fromConfig(role.section, "name"),
                fromConfig("user", "name"));
        String email = firstOf(env.apply(role.envPrefix + "EMAIL"), fromConfig(role.section, "email"),
                fromConfig("user", "email"), env.apply("EMAIL"));
        if (name == null || email == null) {
            String missing = name == null && email == null ? "name and e-mail" : name == null ? "name" : "e-mail";
            throw new InvalidInputException(role.section, "no " + role.section + " " + missing + " for commits in the git repository at "
                    + where + ": git would refuse too (Slipway never guesses one from the login or host name); set "
                    + "git config user.name \"...\" and git config user.email \"...\" (in the repository or globally), "
                    + "or the environment variables " + role.envPrefix + "NAME and " + role.envPrefix + "EMAIL");
        }
        return new PersonIdent(name, email, when, ZoneId.systemDefault());
    }

    private String fromConfig(String section, String key) {
        for (Config config : configs) {
            String value = config.getString(section, null, key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** git's user and system configuration files, most specific first. */
    static List<Path> userAndSystemFiles(Function<String, String> env, Path home) {
        List<Path> files = new ArrayList<>();
        String global = env.apply("GIT_CONFIG_GLOBAL");
        if (global != null && !global.isEmpty()) {
            files.add(Path.of(global));
        } else {
            if (home != null) {
                files.add(home.resolve(".gitconfig"));
            }
            String xdg = env.apply("XDG_CONFIG_HOME");
            if (xdg != null && !xdg.isEmpty()) {
                files.add(Path.of(xdg, "git", "config"));
            } else if (home != null) {
                files.add(home.resolve(".config/git/config"));
            }
        }
        String noSystem = env.apply("GIT_CONFIG_NOSYSTEM");
        if (noSystem == null || noSystem.isEmpty() || noSystem.equals("0") || noSystem.equalsIgnoreCase("false")) {
            String system = env.apply("GIT_CONFIG_SYSTEM");
            files.add(system != null && !system.isEmpty() ? Path.of(system) : Path.of("/etc/gitconfig"));
        }
        return files;
    }

    /** A configuration file parsed in memory; empty when absent or unreadable (git skips those as well). */
    private static Optional<Config> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Config config = new Config();
            config.fromText(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(config);
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
