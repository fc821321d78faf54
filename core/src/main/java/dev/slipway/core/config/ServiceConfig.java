package dev.slipway.core.config;

import dev.slipway.api.ServiceId;
import dev.slipway.api.TagPattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code services} section.
 *
 * @param path the service's directory ({@code path})
 * @param paths the path filters, in order, last match wins, {@code !} excludes ({@code paths},
 *     default {@code <path>/**})
 * @param image the image repository, without a tag ({@code image})
 * @param cd the CD application per environment name ({@code cd})
 * @param tag a per-service release tag pattern overriding {@code versioning.tag} ({@code tag})
 */
public record ServiceConfig(ServiceId path, List<String> paths, Optional<String> image, Map<String, String> cd,
        Optional<TagPattern> tag) {

    /**
     * Freezes the parts.
     */
    public ServiceConfig {
        Objects.requireNonNull(path, "path");
        paths = List.copyOf(paths);
        Objects.requireNonNull(image, "image");
        cd = Map.copyOf(cd);
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * A service with the default filters ({@code <path>/**}) and nothing else configured.
     *
     * @param path the service's directory
     * @return the service
     */
    public static ServiceConfig of(ServiceId path) {
        return new ServiceConfig(path, defaultPaths(path), Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * The default path filters of a service: everything below its directory.
     *
     * @param path the service's directory
     * @return {@code [<path>/**]}
     */
    public static List<String> defaultPaths(ServiceId path) {
        return List.of(path.path() + "/**");
    }

    /**
     * The release tag pattern in force for this service.
     *
     * @param versioning the {@code versioning} section
     * @return this service's override, or {@code versioning.tag}
     */
    public TagPattern effectiveTag(Versioning versioning) {
        return tag.orElse(versioning.tag());
    }
}
