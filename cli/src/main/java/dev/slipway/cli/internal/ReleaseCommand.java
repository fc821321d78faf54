package dev.slipway.cli.internal;

import dev.slipway.core.CreatedTag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway release}: creates the release tags of merged release plans.
 */
@Command(
        name = "release",
        description = {
            "Creates the release tags (annotated, the CHANGELOG entry as message) that .slipway/versions.json on the"
                    + " release branch records and no tag marks yet, each at the commit that recorded it.",
            "Idempotent: existing tags are left as they are. With --push, pushes the versions file's tags."})
final class ReleaseCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Option(names = "--push", description = "Push the release tags to the remote.")
    private boolean push;

    @Option(names = "--remote", paramLabel = "R", defaultValue = "origin",
            description = "The remote to push to (default: ${DEFAULT-VALUE}).")
    private String remote;

    ReleaseCommand() {
    }

    @Override
    public Integer call() {
        List<CreatedTag> created = slipway.slipway().release(push, remote);
        List<String> names = created.stream().map(t -> t.tag().name()).toList();
        String text;
        if (slipway.json()) {
            text = JsonWriter.write(Map.of("tags", names));
        } else {
            StringBuilder sb = new StringBuilder();
            names.forEach(n -> sb.append(n).append('\n'));
            text = sb.toString();
        }
        return slipway.print(text);
    }
}
