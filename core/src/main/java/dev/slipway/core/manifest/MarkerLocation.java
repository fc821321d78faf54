package dev.slipway.core.manifest;

import dev.slipway.api.ServiceId;
import java.util.Objects;

/**
 * A value a marker comment marks: {@code <indent><key>: <value>  # <marker>}.
 *
 * @param path the file, repo-relative, {@code /}-separated
 * @param line the 1-based line of the marker (and of the value)
 * @param key the mapping key on that line, such as {@code tag}
 * @param value the value when the file was scanned, unquoted ({@code 0.2.2-rc0029-g1234567})
 * @param environment the environment the marker names
 * @param service the service the marker names
 */
public record MarkerLocation(String path, int line, String key, String value, String environment, ServiceId service) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if the line is not positive
     */
    public MarkerLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(service, "service");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
    }

    /**
     * {@code path:line}, the way messages name a location.
     *
     * @return for example {@code kubernetes/staging/values.yaml:12}
     */
    public String where() {
        return path + ":" + line;
    }
}
