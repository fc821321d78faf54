/**
 * Promotion between environments as data: what each environment ran ({@link dev.slipway.core.promotion.DeployedVersion},
 * {@link dev.slipway.core.promotion.EnvironmentState}), what a host asks for
 * ({@link dev.slipway.core.promotion.PromotionRequest}) and what the rules decided
 * ({@link dev.slipway.core.promotion.Decision}, one {@link dev.slipway.core.promotion.RuleResult} per rule).
 * The {@link dev.slipway.core.Slipway} facade evaluates and applies them.
 */
package dev.slipway.core.promotion;
