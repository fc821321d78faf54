package dev.slipway.cli.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.DeployResult;
import dev.slipway.core.PromotionResult;
import dev.slipway.core.Slipway;
import dev.slipway.core.WriteOptions;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.PromotionRequest;
import dev.slipway.core.promotion.RuleResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway promote}: evaluates an environment's promotion rules for a version of a service, then deploys it
 * when they allow it.
 */
@Command(
        name = "promote",
        description = {
            "Evaluates the promotion rules of the environment (environments[].promotion: release-version,"
                    + " verified-in-source, healthy-in-source, soak, image-exists, no-downgrade, freeze, approvals) for"
                    + " a version of the service, prints the decision (one line per rule), and when every rule allows"
                    + " it deploys the version as slipway deploy does (the write flags apply).",
            "Exit code 5 when a rule refuses: the decision is on the output stream (JSON with --json). --force"
                    + " --reason TEXT overrides refusing rules; the override is recorded in the commit's"
                    + " Slipway-Override trailer."})
final class PromoteCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    @Spec
    private CommandSpec spec;

    @Option(names = "--service", paramLabel = "S", required = true, description = "The service, such as services/web.")
    private String service;

    @Option(names = "--to", paramLabel = "E", required = true, description = "The environment to promote to, such as"
            + " production.")
    private String to;

    @Option(names = "--version", paramLabel = "V", description = "The version (default: the service's newest release"
            + " tag).")
    private String version;

    @Option(names = "--dry-run", description = "Print the decision only; deploy nothing.")
    private boolean dryRun;

    @Option(names = "--retag", description = "Give the version's tag the image the source environment verified"
            + " (build once, deploy many; also registry.retag).")
    private boolean retag;

    @Option(names = "--approver", paramLabel = "NAME", description = "Someone who approved the promotion; repeat for"
            + " several (the approvals rule counts distinct names).")
    private List<String> approvers = new ArrayList<>();

    @Mixin
    private WriteFlags write;

    PromoteCommand() {
    }

    @Override
    public Integer call() {
        WriteOptions options = write.options();
        write.waitTimeout();
        PromotionRequest request = PromotionRequest.of(ServiceId.of(service), to).withDryRun(dryRun).withRetag(retag)
                .withApprovers(Set.copyOf(new LinkedHashSet<>(approvers)));
        if (version != null) {
            request = request.withVersion(version);
        }
        Slipway facade = slipway.slipway();
        write.checkWait(facade);
        // --force --reason arrives as the options' override: promote records it with the rules it overrides
        PromotionResult result = facade.promote(request, options);
        result.deploy().ifPresent(d -> write.awaitIfAsked(facade, d, options));
        String text = slipway.json() ? json(result) : plain(result);
        if (result.denied()) {
            PrintWriter err = spec.commandLine().getErr();
            Decision d = result.decision();
            err.println("slipway: promotion of " + d.service() + " " + d.version() + " to " + d.target() + " denied by "
                    + String.join(", ", d.failures().stream().map(RuleResult::rule).toList()));
            err.flush();
            slipway.print(text);
            return ExitCodes.PROMOTION_DENIED;
        }
        return slipway.print(text);
    }

    private static String plain(PromotionResult result) {
        StringBuilder sb = new StringBuilder(result.decision().describe()).append('\n');
        result.retagged().ifPresent(d -> sb.append("retagged: ").append(result.decision().version()).append(" = ")
                .append(d).append('\n'));
        result.deploy().ifPresent(d -> {
            if (d.files().isEmpty()) {
                sb.append("deployed: nothing changed (").append(result.decision().target()).append(" already runs ")
                        .append(result.decision().version()).append(")\n");
            }
            d.files().forEach(f -> sb.append("deployed: ").append(f).append('\n'));
            d.commit().ifPresent(c -> sb.append("commit: ").append(c.hex()).append(d.pushed() ? " (pushed)" : "")
                    .append('\n'));
        });
        return sb.toString();
    }

    private static String json(PromotionResult result) {
        Decision d = result.decision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowed", d.allowed());
        m.put("service", d.service().path());
        m.put("environment", d.target());
        m.put("source", d.source().orElse(null));
        m.put("version", d.version());
        m.put("built", d.built().map(c -> c.hex()).orElse(null));
        m.put("rollback", d.rollback());
        List<Object> rules = new ArrayList<>();
        for (RuleResult r : d.rules()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rule", r.rule());
            e.put("passed", r.passed());
            e.put("reason", r.reason());
            rules.add(e);
        }
        m.put("rules", rules);
        m.put("override", d.overrideTrailer().orElse(null));
        m.put("retagged", result.retagged().map(Object::toString).orElse(null));
        m.put("deploy", result.deploy().map(PromoteCommand::deploy).orElse(null));
        return JsonWriter.write(m);
    }

    private static Map<String, Object> deploy(DeployResult result) {
        DeployResult.Deployed d = result.single();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", d.service().path());
        m.put("environment", d.environment());
        m.put("version", d.version());
        m.put("files", result.files());
        m.put("commit", result.commit().map(c -> c.hex()).orElse(null));
        return m;
    }
}
