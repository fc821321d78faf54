package dev.slipway.core;

import dev.slipway.api.Digest;
import dev.slipway.core.promotion.Decision;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Slipway#promote} did: the decision, and when it was allowed and not a dry run, the deployment.
 *
 * @param decision every rule's result, and the override when forced
 * @param deploy what the deployment changed; empty for a dry run or a denied promotion
 * @param retagged the digest the candidate's tag was given from the verified source image ({@code --retag}),
 *     when a retag was made
 */
public record PromotionResult(Decision decision, Optional<DeployResult> deploy, Optional<Digest> retagged) {

    /**
     * Checks the parts.
     */
    public PromotionResult {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(retagged, "retagged");
    }

    /**
     * Whether the promotion was refused (no rule override): the CLI's exit code 5.
     *
     * @return true when denied
     */
    public boolean denied() {
        return !decision.allowed();
    }
}
