package dev.slipway.cli.internal;

import dev.slipway.core.EnvironmentStatus;
import dev.slipway.core.WriteOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slipway status}: the version of every service in every environment, from the manifests' markers. */
@Command(
        name = "status",
        description = {
            "Prints the version every service has in every environment, read from the markers of the manifests: at"
                    + " the freshly fetched remote branch when the repository has the remote (--remote, default"
                    + " origin), else at HEAD; --local reads HEAD without fetching."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Option(names = "--remote", paramLabel = "NAME", description = "The remote to read (default: origin).")
    private String remote;

    @Option(names = "--branch", paramLabel = "NAME",
            description = "The remote branch to read (default: the branch that feeds the staging environment, main).")
    private String branch;

    @Option(names = "--local", description = "Read HEAD, without fetching.")
    private boolean local;

    StatusCommand() {
    }

    @Override
    public Integer call() {
        EnvironmentStatus status = local ? slipway.slipway().status()
                : slipway.slipway().status(remote == null ? WriteOptions.DEFAULT_REMOTE : remote, Optional.ofNullable(branch));
        return slipway.print(slipway.json() ? json(status) : table(status));
    }

    private static String json(EnvironmentStatus status) {
        List<Object> services = new ArrayList<>();
        for (EnvironmentStatus.ServiceStatus s : status.services()) {
            Map<String, Object> environments = new LinkedHashMap<>();
            s.environments().forEach((name, d) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("version", d.version().orElse(null));
                e.put("files", d.files());
                e.put("cd", null);
                environments.put(name, e);
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", s.service().path());
            m.put("environments", environments);
            services.add(m);
        }
        return JsonWriter.write(Map.of("services", services));
    }

    private static String table(EnvironmentStatus status) {
        List<String> environments = status.services().isEmpty() ? List.of()
                : List.copyOf(status.services().get(0).environments().keySet());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("SERVICE");
        environments.forEach(e -> header.add(e.toUpperCase(java.util.Locale.ROOT)));
        rows.add(header);
        for (EnvironmentStatus.ServiceStatus s : status.services()) {
            List<String> row = new ArrayList<>();
            row.add(s.service().path());
            for (String e : environments) {
                row.add(s.environments().get(e).version().orElse("-"));
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
}
