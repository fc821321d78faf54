package dev.slipway.api;

import java.util.List;
import java.util.Objects;

/**
 * A service of the monorepo, named by its directory: a normalized repo-relative path with {@code /}
 * separators, such as {@code services/go-backend}.
 *
 * <p>Rejected: the empty string, absolute paths ({@code /srv}, {@code C:/x}), backslashes, empty
 * segments ({@code a//b}), {@code .} and {@code ..} segments, a trailing slash, and control characters.
 * Nothing is normalized silently: a path that is not already normal is an error that says how to
 * write it.
 *
 * @param path the repo-relative directory
 */
public record ServiceId(String path) implements Comparable<ServiceId> {

    /**
     * Validates the path.
     *
     * @param path the repo-relative directory
     * @throws InvalidServiceIdException if the path is not a normalized repo-relative directory
     */
    public ServiceId {
        Objects.requireNonNull(path, "path");
        String problem = problem(path);
        if (problem != null) {
            throw new InvalidServiceIdException(path, "invalid service path \"" + path + "\": " + problem
                    + "; expected a repo-relative directory such as services/go-backend");
        }
    }

    /**
     * The service at a repo-relative directory.
     *
     * @param path the directory, for example {@code services/go-backend}
     * @return the service id
     * @throws InvalidServiceIdException if the path is not a normalized repo-relative directory
     */
    public static ServiceId of(String path) {
        return new ServiceId(path);
    }

    private static String problem(String path) {
        if (path.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return "it contains a backslash; use '/' between directories";
            }
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character at index " + i;
            }
        }
        if (path.startsWith("/")) {
            return "it is absolute; give the path relative to the repository root";
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return "it is absolute (a drive letter); give the path relative to the repository root";
        }
        if (path.endsWith("/")) {
            return "it ends with '/'; drop the trailing slash";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty segment ('//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a '" + segment + "' segment; write the normalized path";
            }
        }
        return null;
    }

    /**
     * The last segment, usually the service's short name ({@code go-backend}).
     *
     * @return the last path segment
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The path's segments in order.
     *
     * @return the segments, for example {@code [services, go-backend]}
     */
    public List<String> segments() {
        return List.of(path.split("/"));
    }

    /**
     * Whether a repo-relative file path lies in this service's directory, on whole segments:
     * {@code services/web} holds {@code services/web/main.go} but not {@code services/web-api/main.go}.
     *
     * @param repoPath a repo-relative path with {@code /} separators
     * @return true if the path is this directory or below it
     */
    public boolean contains(String repoPath) {
        Objects.requireNonNull(repoPath, "repoPath");
        return repoPath.equals(path)
                || (repoPath.length() > path.length() && repoPath.startsWith(path) && repoPath.charAt(path.length()) == '/');
    }

    /**
     * Orders by path text.
     *
     * @param other the service to compare with
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(ServiceId other) {
        return path.compareTo(other.path);
    }

    /**
     * The path.
     *
     * @return the path, as given
     */
    @Override
    public String toString() {
        return path;
    }
}
