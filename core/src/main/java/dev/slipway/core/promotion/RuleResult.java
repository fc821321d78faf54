package dev.slipway.core.promotion;

import java.util.Objects;

/**
 * What one promotion rule said, with the reason in words a person can act on.
 *
 * @param rule the rule's name, such as {@code verified-in-source}
 * @param passed whether the rule allows the promotion
 * @param reason why, naming versions, commits and environments
 */
public record RuleResult(String rule, boolean passed, String reason) {

    /**
     * Checks the parts.
     */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A passing result.
     *
     * @param rule the rule
     * @param reason why it passed
     * @return the result
     */
    public static RuleResult pass(String rule, String reason) {
        return new RuleResult(rule, true, reason);
    }

    /**
     * A failing result.
     *
     * @param rule the rule
     * @param reason why it failed and what to do
     * @return the result
     */
    public static RuleResult fail(String rule, String reason) {
        return new RuleResult(rule, false, reason);
    }
}
