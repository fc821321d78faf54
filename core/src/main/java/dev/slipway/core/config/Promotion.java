package dev.slipway.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An environment's promotion policy ({@code promotion}): the environment a version must come from and
 * the rules it must pass.
 *
 * @param from the source environment ({@code from})
 * @param rules the rule names, in order ({@code rules})
 * @param soak how long the source must have run the code ({@code soak}); setting it applies the
 *     {@code soak} rule
 * @param approvals how many distinct approvers a promotion needs ({@code approvals}); setting it applies the
 *     {@code approvals} rule, which needs one approver when listed without a count
 * @param windows allow and deny windows ({@code windows}); configuring any applies the {@code freeze} rule
 * @param ignore globs of release bookkeeping that {@code verified-in-source} leaves out of a service's tree
 *     ({@code ignore}, default {@link #DEFAULT_IGNORE})
 */
public record Promotion(String from, List<String> rules, Optional<Duration> soak, OptionalInt approvals,
        List<PromotionWindow> windows, List<String> ignore) {

    /** The built-in rule names. */
    public static final List<String> RULES = List.of("release-version", "verified-in-source", "healthy-in-source",
            "soak", "image-exists", "no-downgrade", "freeze", "approvals");

    /** What {@code verified-in-source} ignores by default: changelogs and the versions file. */
    public static final List<String> DEFAULT_IGNORE = List.of("**/CHANGELOG.md", ".slipway/versions.json");

    /**
     * Freezes the parts.
     *
     * @throws IllegalArgumentException if approvals is not positive
     */
    public Promotion {
        Objects.requireNonNull(from, "from");
        rules = List.copyOf(rules);
        Objects.requireNonNull(soak, "soak");
        Objects.requireNonNull(approvals, "approvals");
        if (approvals.isPresent() && approvals.getAsInt() < 1) {
            throw new IllegalArgumentException("approvals must be at least 1");
        }
        windows = List.copyOf(windows);
        ignore = List.copyOf(ignore);
    }

    /**
     * A policy with rules and an optional soak, no approvals count, no windows and the default ignore list.
     *
     * @param from the source environment
     * @param rules the rule names
     * @param soak the soak duration
     */
    public Promotion(String from, List<String> rules, Optional<Duration> soak) {
        this(from, rules, soak, OptionalInt.empty(), List.of(), DEFAULT_IGNORE);
    }

    /**
     * The rules in force: the listed ones in order, then {@code soak}, {@code freeze} and {@code approvals}
     * when their settings are given and the list does not name them.
     *
     * @return the rule names
     */
    public List<String> effectiveRules() {
        List<String> out = new ArrayList<>(rules);
        if (soak.isPresent() && !out.contains("soak")) {
            out.add("soak");
        }
        if (!windows.isEmpty() && !out.contains("freeze")) {
            out.add("freeze");
        }
        if (approvals.isPresent() && !out.contains("approvals")) {
            out.add("approvals");
        }
        return List.copyOf(out);
    }

    /**
     * How many distinct approvers the {@code approvals} rule requires.
     *
     * @return the configured count, 1 when none is configured
     */
    public int requiredApprovals() {
        return approvals.orElse(1);
    }
}
