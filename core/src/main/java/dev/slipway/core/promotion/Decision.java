package dev.slipway.core.promotion;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on promoting one version of one service to an environment: every rule's result (not only the
 * first failure), and the override when a person forced a refused promotion.
 *
 * @param service the service
 * @param target the environment promoted to
 * @param source the environment promoted from, per the target's policy
 * @param version the candidate version
 * @param built the commit the candidate was built from (its release tag's, its staging SHA's, or a recorded one),
 *     when known
 * @param rollback whether the promotion rolls the target back to an earlier version
 * @param rules each rule's result, in the policy's order
 * @param override the reason a person gave to force the promotion ({@code --force --reason}), if any
 * @param verifiedBy the version the source environment ran whose service tree equals the candidate's, if any
 *     (what {@code retag} copies the image from)
 */
public record Decision(ServiceId service, String target, Optional<String> source, String version,
        Optional<CommitId> built, boolean rollback,
        List<RuleResult> rules, Optional<String> override, Optional<String> verifiedBy) {

    /** The trailer that records a forced step in the deployment commit. */
    public static final String OVERRIDE_TRAILER = "Slipway-Override";

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the override reason is blank
     */
    public Decision {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(built, "built");
        rules = List.copyOf(rules);
        Objects.requireNonNull(override, "override");
        if (override.isPresent() && override.get().isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        Objects.requireNonNull(verifiedBy, "verifiedBy");
    }

    /**
     * The rules that refused the promotion.
     *
     * @return the failing results, in order
     */
    public List<RuleResult> failures() {
        return rules.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * Whether the promotion may go ahead: every rule passed, or a person overrode the failures with a reason.
     *
     * @return true when allowed
     */
    public boolean allowed() {
        return failures().isEmpty() || override.isPresent();
    }

    /**
     * Whether the promotion goes ahead only because it was forced.
     *
     * @return true when some rule failed and an override was given
     */
    public boolean overridden() {
        return !failures().isEmpty() && override.isPresent();
    }

    /**
     * The value of the {@value #OVERRIDE_TRAILER} trailer the deployment commit carries:
     * {@code <rule>: <reason>}, the overridden rules joined with {@code ", "} when several failed
     * ({@code verified-in-source, no-downgrade: incident 42}), the reason on one line.
     *
     * @return the trailer value, empty when nothing was overridden
     */
    public Optional<String> overrideTrailer() {
        if (!overridden()) {
            return Optional.empty();
        }
        String reason = override.orElseThrow().strip().replaceAll("\\s*\\R\\s*", " ");
        return Optional.of(String.join(", ", failures().stream().map(RuleResult::rule).toList()) + ": " + reason);
    }

    /**
     * The decision in a few lines: the verdict, then one line per rule.
     *
     * @return the text, without a trailing newline
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(allowed() ? (overridden() ? "FORCED" : "ALLOWED") : "DENIED").append(": ").append(service)
                .append(' ').append(version).append(" to ").append(target)
                .append(source.map(s -> " from " + s).orElse(""));
        for (RuleResult r : rules) {
            sb.append('\n').append(r.passed() ? "  pass  " : "  FAIL  ").append(r.rule()).append(": ").append(r.reason());
        }
        if (overridden()) {
            sb.append("\n  override: ").append(override.get());
        }
        return sb.toString();
    }
}
