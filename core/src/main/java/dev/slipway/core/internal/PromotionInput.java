package dev.slipway.core.internal;

import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.promotion.EnvironmentState;
import dev.slipway.spi.GitRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a promotion decision reads: the candidate, the policy, what each environment ran, the repository,
 * the backends and the clock. Rules are pure functions of this.
 *
 * @param config the effective configuration (services listed)
 * @param service the service's configuration
 * @param target the environment promoted to
 * @param policy the target's promotion policy
 * @param rules the rule names to evaluate, in order (usually {@link Promotion#effectiveRules()})
 * @param version the candidate version
 * @param states what each environment ran for the service, by environment name
 * @param git the open repository
 * @param backends the registry and CD backends, when configured
 * @param clock the clock
 * @param approvers the approvers the host supplied
 * @param retag whether the promotion copies the verified source image to the candidate's tag
 */
public record PromotionInput(SlipwayConfig config, ServiceConfig service, String target, Promotion policy,
        List<String> rules, String version, Map<String, EnvironmentState> states, GitRepository git,
        PromotionBackends backends, Clock clock, Set<String> approvers, boolean retag) {

    /**
     * Freezes the parts.
     */
    public PromotionInput {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        rules = List.copyOf(rules);
        Objects.requireNonNull(version, "version");
        states = Map.copyOf(states);
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(clock, "clock");
        approvers = Set.copyOf(approvers);
    }

    /**
     * What an environment ran.
     *
     * @param environment the environment's name
     * @return its state, empty history when unknown
     */
    public EnvironmentState state(String environment) {
        return Optional.ofNullable(states.get(environment)).orElse(new EnvironmentState(environment, List.of()));
    }
}
