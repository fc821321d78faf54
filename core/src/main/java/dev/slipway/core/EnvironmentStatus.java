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
     * The status as a text table: one row per service, one column per environment, each cell the version (or
     * {@code -}) and, where CD state is known, the application's sync and health ({@code 0.2.3 (Synced, Healthy)}).
     * Columns are padded with spaces; lines end with a newline and carry no trailing spaces.
     *
     * @return the table, a header row first
     */
    public String table() {
        List<String> environments = services.isEmpty() ? List.of()
                : List.copyOf(services.get(0).environments().keySet());
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> header = new java.util.ArrayList<>();
        header.add("SERVICE");
        environments.forEach(e -> header.add(e.toUpperCase(java.util.Locale.ROOT)));
        rows.add(header);
        for (ServiceStatus s : services) {
            List<String> row = new java.util.ArrayList<>();
            row.add(s.service().path());
            for (String e : environments) {
                Deployed d = s.environments().get(e);
                row.add(d.version().orElse("-") + d.cd().map(c -> " (" + c.sync() + ", " + c.health() + ")").orElse(""));
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
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
