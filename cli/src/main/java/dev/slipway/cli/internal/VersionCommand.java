package dev.slipway.cli.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.BuildVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway version}: the version CI builds for one service, or for all of them, at a revision.
 */
@Command(
        name = "version",
        description = {
            "Prints the version CI builds at a revision: X.Y.Z-rcNNNN-gSHA on the staging branch, exactly X.Y.Z"
                    + " for a release tag of the service (S@X.Y.Z or refs/tags/S@X.Y.Z).",
            "With --all, every service's version, computed in one pass."})
final class VersionCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--service", paramLabel = "S", required = true,
                description = "The service's directory, such as services/go-backend.")
        String service;

        @Option(names = "--all", required = true, description = "Every service.")
        boolean all;

        Which() {
        }
    }

    @ParentCommand
    private SlipwayCommand slipway;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    @Option(names = "--ref", paramLabel = "REV", description = "The revision built (default: HEAD).")
    private String ref;

    VersionCommand() {
    }

    @Override
    public Integer call() {
        Optional<String> revision = Optional.ofNullable(ref);
        String text;
        if (which.all) {
            List<BuildVersion> versions = slipway.slipway().versions(revision);
            if (slipway.json()) {
                List<Object> list = new ArrayList<>();
                versions.forEach(v -> list.add(tree(v)));
                text = JsonWriter.write(Map.of("versions", list));
            } else {
                StringBuilder sb = new StringBuilder();
                versions.forEach(v -> sb.append(v.service()).append(' ').append(v.version()).append('\n'));
                text = sb.toString();
            }
            if (revision.isEmpty()) {
                versions.forEach(this::warnReleaseAtHead);
            }
        } else {
            BuildVersion v = slipway.slipway().version(ServiceId.of(which.service), revision);
            text = slipway.json() ? JsonWriter.write(tree(v)) : v.version() + "\n";
            if (revision.isEmpty()) {
                warnReleaseAtHead(v);
            }
        }
        return slipway.print(text);
    }

    private void warnReleaseAtHead(BuildVersion v) {
        if (!v.isRelease() && v.releaseAtCommit().isPresent()) {
            String tag = v.releaseAtCommit().get().name();
            PrintWriter err = spec.commandLine().getErr();
            err.println("slipway: warning: HEAD carries the release tag " + tag + " of " + v.service() + "; --ref " + tag
                    + " gives the release version " + v.releaseAtCommit().get().version());
            err.flush();
        }
    }

    static Map<String, Object> tree(BuildVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", v.service().path());
        m.put("environment", v.environment());
        m.put("version", v.version().toString());
        m.put("base", v.base().toString());
        m.put("commits", v.commits());
        m.put("commit", v.commit().hex());
        return m;
    }
}
