package dev.slipway.cli.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.DeployResult;
import dev.slipway.core.Slipway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway deploy}: sets a version at every marker of a service in an environment, renders, and with the
 * write flags commits and pushes.
 */
@Command(
        name = "deploy",
        description = {
            "Sets the version at every marker of the service in the environment (# <env>_<service>), changing only"
                    + " the value's bytes, then renders (gitops.render, gitops.render-dir).",
            "Prints the files changed. With --commit it commits them; with --push it applies the change on the freshly"
                    + " fetched remote branch and pushes, rebuilding it on the new tip while the remote moves"
                    + " (gitops.push-timeout). The same version twice changes nothing and commits nothing."})
final class DeployCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Spec
    private CommandSpec spec;

    @Option(names = "--service", paramLabel = "S", required = true, description = "The service, such as services/go-backend.")
    private String service;

    @Option(names = "--env", paramLabel = "E", required = true, description = "The environment, such as staging.")
    private String environment;

    @Option(names = "--version", paramLabel = "V", required = true,
            description = "The version to set, a valid image tag (0.2.3-rc0029-g1234567, 0.2.3, hotfix-123).")
    private String version;

    @Mixin
    private WriteFlags write;

    DeployCommand() {
    }

    @Override
    public Integer call() {
        var options = write.options();
        write.waitTimeout();
        Slipway facade = slipway.slipway();
        write.checkWait(facade);
        DeployResult result = facade.deploy(ServiceId.of(service), environment, version, options);
        if (!result.changed() && !slipway.json()) {
            note(spec, service + " already runs " + version + " in " + environment + "; nothing changed");
        }
        write.awaitIfAsked(facade, result, options);
        return slipway.print(render(result, slipway.json(), false));
    }

    /** A one-line note on the error stream (never under --json, whose output stands alone). */
    static void note(CommandSpec spec, String text) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("slipway: " + text);
        err.flush();
    }

    /** The output of a deployment: its files (or, for a rollback, its version), or the JSON object. */
    static String render(DeployResult result, boolean json, boolean rollback) {
        DeployResult.Deployed d = result.single();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", d.service().path());
            m.put("environment", d.environment());
            m.put("version", d.version());
            m.put("files", result.files());
            m.put("commit", result.commit().map(c -> c.hex()).orElse(null));
            return JsonWriter.write(m);
        }
        if (rollback) {
            return d.version() + "\n";
        }
        StringBuilder sb = new StringBuilder();
        result.files().forEach(f -> sb.append(f).append('\n'));
        return sb.toString();
    }
}
