package dev.slipway.core;

import dev.slipway.spi.CdAppState;
import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The version every service has in every environment, read from the manifests at one commit.
 *
 * @param commit the commit the manifests were read from
 * @param source what that commit is: {@code HEAD} or the remote branch ({@code origin/main})
 * @param services one entry per service, sorted
 */
public record EnvironmentStatus(CommitId commit, String source, List<ServiceStatus> services) {

    /**
     * Freezes the parts.
     */
    public EnvironmentStatus {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
    }

    /**
     * One service.
     *
     * @param service the service
     * @param environments by environment name, in configuration order
     */
    public record ServiceStatus(ServiceId service, Map<String, Deployed> environments) {

        /**
         * Freezes the parts.
         */
        public ServiceStatus {
            Objects.requireNonNull(service, "service");
            environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        }
    }

    /**
     * What one environment runs of one service.
     *
     * @param version the value of its markers; when they disagree, the distinct values joined with {@code ", "};
     *     empty when it has no marker there
     * @param files the files holding its markers, sorted
     * @param cd the CD application's state, when a CD backend is in use and the service names an application for
     *     the environment ({@code services[].cd})
     */
    public record Deployed(Optional<String> version, List<String> files, Optional<CdAppState> cd) {

        /**
         * Freezes the parts.
         */
        public Deployed {
            Objects.requireNonNull(version, "version");
            files = List.copyOf(files);
            Objects.requireNonNull(cd, "cd");
        }

        /**
         * What the manifests say, without CD state.
         *
         * @param version the value of its markers
         * @param files the files holding its markers
         */
        public Deployed(Optional<String> version, List<String> files) {
            this(version, files, Optional.empty());
        }
    }
}
