package dev.slipway.cli.internal;

import dev.slipway.core.PendingRelease;
import dev.slipway.core.ReleasePlan;
import dev.slipway.core.ServiceRelease;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway release-plan}: the next version and CHANGELOG entry of every service with releasable commits,
 * as a release pull request.
 */
@Command(
        name = "release-plan",
        description = {
            "Prints the release pull request (title, then body) for every service with releasable Conventional"
                    + " Commits since its last release tag.",
            "With --write, also prepends each service's CHANGELOG.md and records the versions in"
                    + " .slipway/versions.json in the working tree; commit them on the pull request's branch."})
final class ReleasePlanCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Spec
    private CommandSpec spec;

    @Option(names = "--write", description = "Write the CHANGELOG files and the versions file into the working tree.")
    private boolean write;

    ReleasePlanCommand() {
    }

    @Override
    public Integer call() {
        ReleasePlan plan = write ? slipway.slipway().writeReleasePlan() : slipway.slipway().releasePlan();
        String text;
        if (slipway.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", plan.isEmpty() ? null : plan.title());
            m.put("body", plan.isEmpty() ? null : plan.body());
            m.put("branch", plan.branch());
            List<Object> releases = new ArrayList<>();
            for (ServiceRelease r : plan.releases()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("service", r.service().path());
                e.put("current", r.current().map(Object::toString).orElse(null));
                e.put("next", r.next().toString());
                e.put("bump", r.bump().label());
                e.put("changelog", r.changelog());
                releases.add(e);
            }
            m.put("releases", releases);
            text = JsonWriter.write(m);
        } else {
            text = plan.isEmpty() ? "" : plan.title() + "\n\n" + plan.body() + "\n";
            PrintWriter err = spec.commandLine().getErr();
            for (PendingRelease p : plan.pending()) {
                err.println("slipway: " + p.service() + " " + p.version() + " is recorded in " + ReleasePlan.VERSIONS_FILE
                        + " but not tagged yet; run slipway release to create " + p.tag().name());
            }
            if (plan.isEmpty()) {
                err.println("slipway: nothing to release");
            } else if (write) {
                err.println("slipway: wrote " + String.join(", ", plan.files()));
            }
            err.flush();
        }
        return slipway.print(text);
    }
}
