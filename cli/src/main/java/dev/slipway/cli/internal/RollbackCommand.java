package dev.slipway.cli.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.DeployResult;
import dev.slipway.core.Slipway;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slipway rollback}: deploys the previous (or a given earlier) version of a service in an environment. */
@Command(
        name = "rollback",
        description = {
            "Deploys the version the service ran before in the environment, from the manifest's history (Slipway-*"
                    + " trailers, else the file's history); versions that were themselves rolled back are skipped.",
            "--to V picks a version that ran there before; any other needs --force --reason. The commit says"
                    + " 'fix: rollback <name> to <version>'. With --push, history and current version are read at the"
                    + " fetched remote branch. Prints the version rolled back to."})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Spec
    private CommandSpec spec;

    @Option(names = "--service", paramLabel = "S", required = true, description = "The service, such as services/go-backend.")
    private String service;

    @Option(names = "--env", paramLabel = "E", required = true, description = "The environment, such as staging.")
    private String environment;

    @Option(names = "--to", paramLabel = "V", description = "The version to go back to (default: the previous one).")
    private String to;

    @Mixin
    private WriteFlags write;

    RollbackCommand() {
    }

    @Override
    public Integer call() {
        var options = write.options();
        write.waitTimeout();
        Slipway facade = slipway.slipway();
        write.checkWait(facade);
        DeployResult result = facade.rollback(ServiceId.of(service), environment, Optional.ofNullable(to), options);
        if (!result.changed() && !slipway.json()) {
            DeployCommand.note(spec, service + " already runs " + result.single().version() + " in " + environment
                    + "; nothing changed");
        }
        write.awaitIfAsked(facade, result, options);
        return slipway.print(DeployCommand.render(result, slipway.json(), true));
    }
}
