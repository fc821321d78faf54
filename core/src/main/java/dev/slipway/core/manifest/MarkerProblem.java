package dev.slipway.core.manifest;

import dev.slipway.api.ServiceId;
import java.util.Objects;

/**
 * A marker comment the scan found on a line it cannot edit (a block scalar, a flow collection, an alias,
 * an anchored value, a key with no value, a marker on a line of its own), or in a file that is not valid
 * YAML.
 *
 * @param path the file, repo-relative
 * @param line the 1-based line of the marker, or 0 when the whole file is concerned
 * @param environment the environment the marker names
 * @param service the service the marker names
 * @param reason what the line holds and what to do
 */
public record MarkerProblem(String path, int line, String environment, ServiceId service, String reason) {

    /**
     * Checks the parts.
     */
    public MarkerProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The problem as an exception, to throw.
     *
     * @return an exception naming {@code path:line} and the reason
     */
    public ManifestEditException toException() {
        return new ManifestEditException(path, line, "the marker of " + service + " in " + environment + ": "
                + reason);
    }
}
