package dev.slipway.cli.internal;

import dev.slipway.api.BackendException;
import dev.slipway.core.DemoRun;
import dev.slipway.core.Slipway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway demo}: the reference kit's whole flow on a generated monorepo, narrated.
 */
@Command(
        name = "demo",
        description = {
            "Builds a throwaway monorepo shaped like the reference kit (services/go-backend, services/web, Helm values"
                    + " with markers under kubernetes/) and its bare remote, then walks the whole flow with in-memory"
                    + " image registry and Argo CD backends: commits, staging deploys, the release PR and its merge,"
                    + " release tags, a promotion refused (unverified) and one allowed, a rollback, and the status"
                    + " table, narrating each step.",
            "The repositories stay in --dir (default: a new directory under the system's temporary directory) for"
                    + " you to explore."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Option(names = "--dir", paramLabel = "DIR", description = "An empty or new directory for the monorepo"
            + " (platform/) and its remote (remote.git/).")
    private Path dir;

    DemoCommand() {
    }

    @Override
    public Integer call() {
        slipway.isolateGit();
        Path target = dir != null ? dir : newDirectory();
        List<String> lines = new ArrayList<>();
        DemoRun run = Slipway.demo(target, lines::add);
        String seconds = String.format(Locale.ROOT, "%.1f", run.elapsed().toMillis() / 1000.0);
        if (slipway.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("repository", run.repository().toString());
            m.put("remote", run.remote().toString());
            m.put("steps", run.steps());
            m.put("seconds", Double.parseDouble(seconds));
            m.put("narration", lines);
            return slipway.print(JsonWriter.write(m));
        }
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        sb.append('\n').append("Done: ").append(run.steps()).append(" steps in ").append(seconds).append(" s. Explore it:\n")
                .append("  git -C ").append(run.repository()).append(" log --oneline --decorate\n")
                .append("  slipway --repo ").append(run.repository()).append(" status --local\n")
                .append("  slipway --repo ").append(run.repository()).append(" version --all\n");
        return slipway.print(sb.toString());
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("slipway-demo-");
        } catch (IOException e) {
            throw new BackendException("cannot create a directory for the demo under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; give one with --dir DIR", e);
        }
    }
}
