package dev.slipway.cli.internal;

import dev.slipway.api.InvalidInputException;
import dev.slipway.core.DeployResult;
import dev.slipway.core.Slipway;
import dev.slipway.spi.CdAppState;
import java.time.Duration;
import dev.slipway.core.WriteOptions;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The flags shared by the commands that write manifests ({@code deploy}, {@code rollback}): {@code --commit},
 * {@code --push} (implies {@code --commit}), {@code --remote}, {@code --branch}, {@code --wait} (with
 * {@code --wait-timeout}), {@code --force} with {@code --reason}.
 */
final class WriteFlags {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--commit", description = "Commit the change on HEAD's branch (default: edit the work tree only).")
    private boolean commit;

    @Option(names = "--push", description = "Apply the change on the freshly fetched remote branch, commit and push it,"
            + " retrying while the remote moves (implies --commit).")
    private boolean push;

    @Option(names = "--remote", paramLabel = "NAME", description = "The remote to fetch and push (default: origin).")
    private String remote;

    @Option(names = "--branch", paramLabel = "NAME",
            description = "The branch to push to (default: the branch that feeds the staging environment, main).")
    private String branch;

    @Option(names = "--wait", description = "After pushing, wait until the CD backend runs the commit Synced and Healthy"
            + " (needs --push and a CD backend: --cd or cd.backend).")
    private boolean wait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}; 30s, 5m, 1h).")
    private String waitTimeout;

    @Option(names = "--force", description = "Override a refusal; needs --reason, recorded in the commit's trailers.")
    private boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why --force overrides the refusal.")
    private String reason;

    WriteFlags() {
    }

    /**
     * The options these flags ask for.
     *
     * @return the options
     * @throws ParameterException for --force without --reason, --reason without --force, or --remote/--branch
     *     without --push
     */
    WriteOptions options() {
        if (force && (reason == null || reason.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--force needs --reason TEXT (it is recorded in the commit)");
        }
        if (!force && reason != null) {
            throw new ParameterException(spec.commandLine(), "--reason goes with --force");
        }
        if (!push && (remote != null || branch != null)) {
            throw new ParameterException(spec.commandLine(), (remote != null ? "--remote" : "--branch") + " goes with --push");
        }
        if (wait && !push) {
            throw new ParameterException(spec.commandLine(), "--wait goes with --push (it waits for the pushed commit)");
        }
        WriteOptions options = push ? WriteOptions.push(remote == null ? WriteOptions.DEFAULT_REMOTE : remote,
                Optional.ofNullable(branch)) : commit ? WriteOptions.commit() : WriteOptions.workTree();
        return force ? options.withOverride(reason) : options;
    }

    /**
     * How long to wait for the CD backend, when {@code --wait} was given.
     *
     * @return the timeout, or empty without {@code --wait}
     * @throws ParameterException for a malformed duration
     */
    Optional<Duration> waitTimeout() {
        if (!wait) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m|h)").matcher(waitTimeout);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--wait-timeout is '" + waitTimeout
                    + "'; expected a duration such as 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) {
            throw new ParameterException(spec.commandLine(), "--wait-timeout must be longer than zero");
        }
        return Optional.of(d);
    }

    /**
     * Checks, before anything is written, that {@code --wait} can wait: a CD backend is in use.
     *
     * @param slipway the facade
     * @throws InvalidInputException with {@code --wait} and no CD backend
     */
    void checkWait(Slipway slipway) {
        if (wait && slipway.cd().isEmpty()) {
            throw new InvalidInputException("--wait", "--wait needs a CD backend: name one with cd.backend in"
                    + " slipway.yaml or --cd (nothing was deployed)");
        }
    }

    /**
     * Waits for the CD backend when {@code --wait} was given, reporting each live application on the error stream.
     *
     * @param slipway the facade
     * @param result the deployment
     * @param options the options it was made with
     */
    void awaitIfAsked(Slipway slipway, DeployResult result, WriteOptions options) {
        Optional<Duration> timeout = waitTimeout();
        if (timeout.isEmpty()) {
            return;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        for (CdAppState state : slipway.awaitLive(result, options, timeout.get())) {
            err.println("slipway: " + state.name() + " is " + state.sync() + " and " + state.health()
                    + state.revision().map(r -> " at " + r).orElse(""));
        }
        err.flush();
    }
}
