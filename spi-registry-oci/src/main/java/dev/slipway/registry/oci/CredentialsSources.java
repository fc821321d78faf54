package dev.slipway.registry.oci;

import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.oci.internal.DockerConfigCredentials;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The built-in {@link RegistryCredentials} sources, and selection by name.
 *
 * <table>
 *   <caption>Names {@code registry.credentials} accepts</caption>
 *   <tr><th>name</th><th>source</th></tr>
 *   <tr><td>{@code env}</td><td>{@code SLIPWAY_REGISTRY_USERNAME} and {@code SLIPWAY_REGISTRY_PASSWORD}, or
 *       {@code SLIPWAY_REGISTRY_TOKEN} (a registry token), for every host</td></tr>
 *   <tr><td>{@code docker-config}</td><td>docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else
 *       {@code ~/.docker/config.json}): {@code auths} entries and the credential helpers of
 *       {@code credHelpers} and {@code credsStore}</td></tr>
 *   <tr><td>{@code anonymous}</td><td>none: anonymous pulls only</td></tr>
 *   <tr><td>{@code default} (or not set)</td><td>{@code env}, then {@code docker-config}</td></tr>
 *   <tr><td>another name</td><td>a source another module provides through {@link ServiceLoader}, such as
 *       {@code ecr} from the ECR adapter</td></tr>
 * </table>
 */
public final class CredentialsSources {

    /** The user name variable of {@link #environment()}. */
    public static final String USERNAME_VARIABLE = "SLIPWAY_REGISTRY_USERNAME";
    /** The password variable of {@link #environment()}. */
    public static final String PASSWORD_VARIABLE = "SLIPWAY_REGISTRY_PASSWORD";
    /** The registry token variable of {@link #environment()}. */
    public static final String TOKEN_VARIABLE = "SLIPWAY_REGISTRY_TOKEN";

    private CredentialsSources() {
    }

    /**
     * No credentials (name {@code anonymous}).
     *
     * @return the source
     */
    public static RegistryCredentials anonymous() {
        return new Named("anonymous", host -> Optional.empty());
    }

    /**
     * One credential for every host (name {@code static}), for hosts that hold it already.
     *
     * @param credential the credential
     * @return the source
     */
    public static RegistryCredentials fixed(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        return new Named("static", host -> Optional.of(credential));
    }

    /**
     * One credential for one host (name {@code static}); other hosts get none.
     *
     * @param host the host, with its port when it has one ({@code 127.0.0.1:5000})
     * @param credential the credential
     * @return the source
     */
    public static RegistryCredentials fixed(String host, Credential credential) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credential, "credential");
        return new Named("static", h -> h.equalsIgnoreCase(host) ? Optional.of(credential) : Optional.empty());
    }

    /**
     * The process environment (name {@code env}): {@value #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE},
     * or {@value #TOKEN_VARIABLE}.
     *
     * @return the source
     */
    public static RegistryCredentials environment() {
        return environment(System.getenv());
    }

    /**
     * These variables, read as {@link #environment()} reads the process environment.
     *
     * @param variables the variables
     * @return the source
     * @throws InvalidInputException if a user name is set without a password (or the reverse), or a token
     *     together with them
     */
    public static RegistryCredentials environment(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        String user = blankToNull(variables.get(USERNAME_VARIABLE));
        String password = blankToNull(variables.get(PASSWORD_VARIABLE));
        String token = blankToNull(variables.get(TOKEN_VARIABLE));
        if ((user == null) != (password == null)) {
            String set = user == null ? PASSWORD_VARIABLE : USERNAME_VARIABLE;
            String unset = user == null ? USERNAME_VARIABLE : PASSWORD_VARIABLE;
            throw new InvalidInputException(set, set + " is set but " + unset + " is not; set both, or "
                    + TOKEN_VARIABLE + " alone");
        }
        if (token != null && user != null) {
            throw new InvalidInputException(TOKEN_VARIABLE, TOKEN_VARIABLE + " and " + USERNAME_VARIABLE
                    + " are both set; set a user name and password, or a token");
        }
        Optional<Credential> credential;
        try {
            credential = token != null ? Optional.of(Credential.bearer(token))
                    : user != null ? Optional.of(Credential.basic(user, password)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(token != null ? TOKEN_VARIABLE : USERNAME_VARIABLE,
                    "the registry credentials in the environment are malformed: " + e.getMessage());
        }
        return new Named("env", host -> credential);
    }

    /**
     * Docker's {@code config.json} (name {@code docker-config}): {@code $DOCKER_CONFIG/config.json}, else
     * {@code ~/.docker/config.json}; a missing file has no credentials. Credential helpers
     * ({@code docker-credential-<name>}) are looked up on the {@code PATH}.
     *
     * @return the source
     */
    public static RegistryCredentials dockerConfig() {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return dockerConfig(file);
    }

    /**
     * A docker {@code config.json} file, read on each lookup (docker rewrites it on {@code docker login}).
     *
     * @param file the file; a missing file has no credentials
     * @return the source
     */
    public static RegistryCredentials dockerConfig(Path file) {
        Objects.requireNonNull(file, "file");
        String path = System.getenv("PATH");
        List<Path> search = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    search.add(Path.of(dir));
                }
            }
        }
        return new DockerConfigCredentials(file, search);
    }

    /**
     * The first source that has a credential for a host.
     *
     * @param name the chain's name, for messages
     * @param sources the sources, in order
     * @return the chain
     */
    public static RegistryCredentials chain(String name, List<RegistryCredentials> sources) {
        Objects.requireNonNull(name, "name");
        List<RegistryCredentials> copy = List.copyOf(sources);
        return new Named(name, host -> {
            for (RegistryCredentials source : copy) {
                Optional<Credential> found = source.lookup(host);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The default chain (name {@code default}): {@link #environment()}, then {@link #dockerConfig()}.
     *
     * @return the chain
     */
    public static RegistryCredentials defaults() {
        RegistryCredentials env = environment();
        RegistryCredentials docker = dockerConfig();
        return new Named("default (env, docker-config)", chain("default", List.of(env, docker))::lookup);
    }

    /**
     * The source {@code registry.credentials} names: a built-in one, or one another module provides
     * through {@link ServiceLoader}.
     *
     * @param name the name
     * @return the source
     * @throws InvalidInputException if no source has the name (the message lists those found, never the name
     *     itself when it looks like a secret)
     */
    public static RegistryCredentials named(String name) {
        Objects.requireNonNull(name, "name");
        switch (name) {
            case "env":
                return environment();
            case "docker-config":
                return dockerConfig();
            case "anonymous":
                return anonymous();
            case "default":
                return defaults();
            default:
                break;
        }
        TreeSet<String> known = new TreeSet<>(List.of("anonymous", "default", "docker-config", "env"));
        for (ServiceLoader.Provider<RegistryCredentials> provider : providers()) {
            RegistryCredentials source;
            try {
                source = provider.get();
            } catch (ServiceConfigurationError e) {
                continue;
            }
            if (source.name().equals(name)) {
                return source;
            }
            known.add(source.name());
        }
        boolean plausible = name.matches("[a-z][a-z0-9-]{0,40}");
        throw new InvalidInputException(plausible ? name : "(hidden)", "registry.credentials names "
                + (plausible ? "'" + name + "'" : "a value that is not a source name (not shown: it may be a secret)")
                + ", which is no credentials source; known: " + String.join(", ", known)
                + " (secrets go in the environment or docker's config.json, never in slipway.yaml)");
    }

    private static List<ServiceLoader.Provider<RegistryCredentials>> providers() {
        List<ServiceLoader.Provider<RegistryCredentials>> out = new ArrayList<>();
        var it = ServiceLoader.load(RegistryCredentials.class).stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                System.getLogger(CredentialsSources.class.getName()).log(System.Logger.Level.WARNING,
                        "skipping a registry credentials source that cannot be loaded: " + e.getMessage());
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A source with a name and a lookup. */
    private record Named(String name, java.util.function.Function<String, Optional<Credential>> finder)
            implements RegistryCredentials {

        @Override
        public Optional<Credential> lookup(String host) {
            return finder.apply(Objects.requireNonNull(host, "host"));
        }

        @Override
        public String toString() {
            return "RegistryCredentials[" + name + "]";
        }
    }
}
