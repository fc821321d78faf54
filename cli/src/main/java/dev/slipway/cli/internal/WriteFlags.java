package dev.slipway.cli.internal;

import dev.slipway.core.WriteOptions;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The flags shared by the commands that write manifests ({@code deploy}, {@code rollback}): {@code --commit},
 * {@code --push} (implies {@code --commit}), {@code --remote}, {@code --branch}, {@code --force} with
 * {@code --reason}.
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
        WriteOptions options = push ? WriteOptions.push(remote == null ? WriteOptions.DEFAULT_REMOTE : remote,
                Optional.ofNullable(branch)) : commit ? WriteOptions.commit() : WriteOptions.workTree();
        return force ? options.withOverride(reason) : options;
    }
}
