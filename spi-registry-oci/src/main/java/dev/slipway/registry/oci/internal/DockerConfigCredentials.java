package dev.slipway.registry.oci.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.oci.Credential;
import dev.slipway.registry.oci.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from docker's {@code config.json}: {@code auths} entries ({@code auth} as base64
 * {@code user:password}, or {@code username} and {@code password}, or {@code registrytoken}), and the
 * credential helpers of {@code credHelpers} (per host) and {@code credsStore} (for the rest), run as
 * {@code docker-credential-<name> get}. Read afresh on each lookup. Error messages name the file or the
 * helper, never a value from them.
 */
public final class DockerConfigCredentials implements RegistryCredentials {

    private static final System.Logger LOG = System.getLogger(DockerConfigCredentials.class.getName());
    private static final long HELPER_TIMEOUT_SECONDS = 30;
    private static final List<String> DOCKER_HUB = List.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private final Path file;
    private final List<Path> searchPath;

    /**
     * A source reading one file.
     *
     * @param file the {@code config.json}; a missing file has no credentials
     * @param searchPath where credential helpers are looked for
     */
    public DockerConfigCredentials(Path file, List<Path> searchPath) {
        this.file = Objects.requireNonNull(file, "file");
        this.searchPath = List.copyOf(searchPath);
    }

    @Override
    public String name() {
        return "docker-config";
    }

    @Override
    public Optional<Credential> lookup(String host) {
        Objects.requireNonNull(host, "host");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BackendException("cannot read docker's credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> config;
        try {
            config = Json.object(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file.toString(), "docker's credentials file " + file
                    + " is not a JSON object (" + e.getMessage() + "); fix it or run docker login again");
        }
        Map<String, Object> helpers = Json.member(config, "credHelpers");
        for (Map.Entry<String, Object> e : helpers.entrySet()) {
            if (sameHost(e.getKey(), host) && e.getValue() instanceof String helper) {
                return helper(helper, host);
            }
        }
        Map<String, Object> auths = Json.member(config, "auths");
        for (Map.Entry<String, Object> e : auths.entrySet()) {
            if (sameHost(e.getKey(), host) && e.getValue() instanceof Map<?, ?>) {
                Optional<Credential> found = entry(Json.member(auths, e.getKey()), e.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        Optional<String> store = Json.string(config, "credsStore");
        if (store.isPresent() && !store.get().isEmpty()) {
            return helper(store.get(), host);
        }
        return Optional.empty();
    }

    private Optional<Credential> entry(Map<String, Object> entry, String key) {
        Optional<String> token = Json.string(entry, "registrytoken");
        if (token.isPresent() && !token.get().isEmpty()) {
            return Optional.of(credential(() -> Credential.bearer(token.get()), key));
        }
        Optional<String> auth = Json.string(entry, "auth");
        if (auth.isPresent() && !auth.get().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.get().trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed(key, "its auth is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw malformed(key, "its auth is not base64 of user:password");
            }
            return Optional.of(credential(() -> Credential.basic(decoded.substring(0, colon), decoded.substring(colon + 1)), key));
        }
        Optional<String> user = Json.string(entry, "username");
        Optional<String> password = Json.string(entry, "password");
        if (user.isPresent() && password.isPresent()) {
            return Optional.of(credential(() -> Credential.basic(user.get(), password.get()), key));
        }
        if (Json.string(entry, "identitytoken").isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "docker's credentials file " + file + " holds an identity token for "
                    + key + "; Slipway does not exchange identity tokens: set SLIPWAY_REGISTRY_USERNAME and"
                    + " SLIPWAY_REGISTRY_PASSWORD, or use a credential helper");
        }
        return Optional.empty();
    }

    private Credential credential(java.util.function.Supplier<Credential> make, String key) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw malformed(key, e.getMessage());
        }
    }

    private InvalidInputException malformed(String key, String why) {
        return new InvalidInputException(file.toString(), "docker's credentials file " + file + " has a malformed entry for "
                + key + ": " + why + "; run docker login " + key + " again");
    }

    private Optional<Credential> helper(String name, String host) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException(file.toString(), "docker's credentials file " + file + " names the credential"
                    + " helper '" + name + "', which is not a helper name");
        }
        String program = "docker-credential-" + name;
        Optional<Path> executable = searchPath.stream().map(dir -> dir.resolve(program))
                .filter(Files::isExecutable).findFirst();
        if (executable.isEmpty()) {
            throw new BackendException("docker's credentials file " + file + " uses the credential helper " + program
                    + ", which is not on the PATH; install it, or choose another credentials source");
        }
        Process process;
        try {
            process = new ProcessBuilder(executable.get().toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new BackendException("cannot run the credential helper " + executable.get() + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(host.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readNBytes(1 << 20);
            }
            if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BackendException("the credential helper " + program + " did not answer within "
                        + HELPER_TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                    return Optional.empty();
                }
                throw new BackendException("the credential helper " + program + " failed for " + host + " (exit "
                        + process.exitValue() + "); run it by hand to see why");
            }
            Map<String, Object> answer;
            try {
                answer = Json.object(text);
            } catch (IllegalArgumentException e) {
                throw new BackendException("the credential helper " + program + " answered for " + host
                        + " with something that is not a JSON object");
            }
            Optional<String> user = Json.string(answer, "Username");
            Optional<String> secret = Json.string(answer, "Secret");
            if (user.isEmpty() || secret.isEmpty() || secret.get().isEmpty()) {
                return Optional.empty();
            }
            if (user.get().equals("<token>")) {
                LOG.log(System.Logger.Level.WARNING, "the credential helper " + program + " gave an identity token for "
                        + host + "; Slipway does not exchange identity tokens");
                return Optional.empty();
            }
            try {
                return Optional.of(Credential.basic(user.get(), secret.get()));
            } catch (IllegalArgumentException e) {
                throw new BackendException("the credential helper " + program + " gave a malformed credential for " + host
                        + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new BackendException("cannot talk to the credential helper " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for the credential helper " + program, e);
        } finally {
            process.destroy();
        }
    }

    /** Whether a key of {@code auths} or {@code credHelpers} (a host, or a URL as docker login writes it) names the host. */
    static boolean sameHost(String key, String host) {
        String k = key.toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        String h = host.toLowerCase(Locale.ROOT);
        return k.equals(h) || (DOCKER_HUB.contains(k) && DOCKER_HUB.contains(h));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[docker-config " + file + "]";
    }
}
