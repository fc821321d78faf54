package dev.slipway.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image repository: where a service's image tags live, without a tag or digest, as the OCI
 * distribution spec and Docker name it: an optional registry host ({@code ghcr.io},
 * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com}, {@code 127.0.0.1:5000}) and a path of lower-case
 * components separated by {@code /} ({@code acme/web}).
 *
 * <p>As Docker does, the first component is the registry host when it contains a {@code .} or a {@code :}
 * or is {@code localhost}; otherwise the whole name is the path and the registry is whatever the backend
 * is configured with. Path components match {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}; the whole name is
 * at most 255 characters.
 *
 * @param value the repository name, for example {@code ghcr.io/acme/web}
 */
public record ImageRepository(String value) {

    /** The longest name the distribution spec's reference grammar allows. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    /**
     * Validates the name.
     *
     * @param value the repository name
     * @throws InvalidImageRepositoryException if it is not a repository name, or carries a tag or digest
     */
    public ImageRepository {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidImageRepositoryException(value, "invalid image repository \"" + value + "\": " + problem);
        }
    }

    /**
     * The repository with this name.
     *
     * @param value the name, for example {@code ghcr.io/acme/web} or {@code acme/web}
     * @return the repository
     * @throws InvalidImageRepositoryException if it is not a repository name
     */
    public static ImageRepository of(String value) {
        return new ImageRepository(value);
    }

    /**
     * The registry host the name starts with, if it names one.
     *
     * @return {@code host[:port]}, for example {@code ghcr.io} or {@code 127.0.0.1:5000}; empty for
     *     {@code acme/web}
     */
    public Optional<String> registry() {
        int slash = value.indexOf('/');
        return slash > 0 && isHost(value.substring(0, slash)) ? Optional.of(value.substring(0, slash)) : Optional.empty();
    }

    /**
     * The repository's path within its registry.
     *
     * @return the name without the registry host, for example {@code acme/web}
     */
    public String path() {
        return registry().map(host -> value.substring(host.length() + 1)).orElse(value);
    }

    private static boolean isHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "it is empty; give a repository such as ghcr.io/acme/web";
        }
        if (value.length() > MAX_LENGTH) {
            return "it is " + value.length() + " characters long, more than " + MAX_LENGTH;
        }
        int at = value.indexOf('@');
        if (at >= 0) {
            return "it carries a digest; name the repository only: " + value.substring(0, at);
        }
        int slash = value.indexOf('/');
        String first = slash < 0 ? value : value.substring(0, slash);
        boolean host = slash > 0 && isHost(first);
        int lastColon = value.lastIndexOf(':');
        if (lastColon > value.lastIndexOf('/')) {
            return "it carries a tag; name the repository only: " + value.substring(0, lastColon);
        }
        int start = 0;
        if (host) {
            if (!HOST.matcher(first).matches()) {
                return "the registry host '" + first + "' is not host[:port]";
            }
            start = slash + 1;
        }
        String path = value.substring(start);
        if (path.isEmpty()) {
            return "it names a registry but no repository; add the path, such as " + first + "/acme/web";
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return component.isEmpty() ? "it has an empty path component"
                        : "the path component '" + component + "' is not lower-case letters and digits separated"
                                + " by '.', '_', '__' or '-'";
            }
        }
        return null;
    }

    /**
     * The repository name.
     *
     * @return the name as given
     */
    @Override
    public String toString() {
        return value;
    }
}
