package dev.slipway.cli.internal;

import dev.slipway.core.EnvironmentStatus;
import dev.slipway.spi.CdAppState;
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
                    + " origin), else at HEAD; --local reads HEAD without fetching.",
            "With a CD backend (--cd, cd.backend), each cell also shows the application's sync and health, for the"
                    + " services that name their applications (services[].cd)."})
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
                e.put("cd", d.cd().map(StatusCommand::cd).orElse(null));
                environments.put(name, e);
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", s.service().path());
            m.put("environments", environments);
            services.add(m);
        }
        return JsonWriter.write(Map.of("services", services));
    }

    /** The CD state of one application: {@code {"app","sync","health","revision"}}. */
    static Map<String, Object> cd(CdAppState state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app", state.name());
        m.put("sync", state.sync().wireName());
        m.put("health", state.health().wireName());
        m.put("revision", state.revision().orElse(null));
        return m;
    }

    private static String table(EnvironmentStatus status) {
        return status.table();
    }
}
