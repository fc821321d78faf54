package dev.slipway.cli.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.ChangedServices;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway changed}: the services whose path filters match the files changed between two commits.
 */
@Command(
        name = "changed",
        description = {
            "Prints the services whose path filters match the files changed between two commits, one per line.",
            "A base that is not an ancestor of the head is replaced by their merge base; an all-zero base"
                    + " (a new branch) changes every service."})
final class ChangedCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Option(names = "--base", paramLabel = "REV", required = true,
            description = "The commit before the change (a push event's 'before').")
    private String base;

    @Option(names = "--head", paramLabel = "REV", description = "The commit after the change (default: HEAD).")
    private String head;

    ChangedCommand() {
    }

    @Override
    public Integer call() {
        ChangedServices changed = slipway.slipway().changed(base, Optional.ofNullable(head));
        String text;
        if (slipway.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("base", changed.base().hex());
            m.put("head", changed.head().hex());
            m.put("services", changed.services().stream().map(ServiceId::path).toList());
            text = JsonWriter.write(m);
        } else {
            StringBuilder sb = new StringBuilder();
            changed.services().forEach(s -> sb.append(s).append('\n'));
            text = sb.toString();
        }
        return slipway.print(text);
    }
}
