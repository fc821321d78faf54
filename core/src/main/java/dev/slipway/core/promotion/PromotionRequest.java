package dev.slipway.core.promotion;

import dev.slipway.api.ServiceId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a host asks to promote. Start with {@link #of} and add options with the {@code with...} methods.
 *
 * @param service the service
 * @param target the environment to promote to
 * @param version the version, or empty for the service's newest release
 * @param dryRun only decide, deploy nothing
 * @param retag copy the image of the verified source version to the candidate's tag instead of expecting a
 *     build of it ({@code registry.retag} or {@code --retag})
 * @param approvers the people who approved, as the host knows them; compared without case and surrounding
 *     spaces
 * @param force the reason to override refusing rules ({@code --force --reason}), recorded in the commit
 */
public record PromotionRequest(ServiceId service, String target, Optional<String> version, boolean dryRun,
        boolean retag, Set<String> approvers, Optional<String> force) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the force reason is blank
     */
    public PromotionRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        approvers = Set.copyOf(new LinkedHashSet<>(approvers));
        Objects.requireNonNull(force, "force");
        if (force.isPresent() && force.get().isBlank()) {
            throw new IllegalArgumentException("forcing a promotion needs a reason");
        }
    }

    /**
     * A request to promote the newest release of a service.
     *
     * @param service the service
     * @param target the environment to promote to
     * @return the request
     */
    public static PromotionRequest of(ServiceId service, String target) {
        return new PromotionRequest(service, target, Optional.empty(), false, false, Set.of(), Optional.empty());
    }

    /**
     * This request for a given version.
     *
     * @param v the version
     * @return the new request
     */
    public PromotionRequest withVersion(String v) {
        return new PromotionRequest(service, target, Optional.of(v), dryRun, retag, approvers, force);
    }

    /**
     * This request as a dry run (or not).
     *
     * @param dry whether only to decide
     * @return the new request
     */
    public PromotionRequest withDryRun(boolean dry) {
        return new PromotionRequest(service, target, version, dry, retag, approvers, force);
    }

    /**
     * This request promoting by retag (or not).
     *
     * @param copy whether to retag the verified image
     * @return the new request
     */
    public PromotionRequest withRetag(boolean copy) {
        return new PromotionRequest(service, target, version, dryRun, copy, approvers, force);
    }

    /**
     * This request with these approvers.
     *
     * @param people the approvers
     * @return the new request
     */
    public PromotionRequest withApprovers(Set<String> people) {
        return new PromotionRequest(service, target, version, dryRun, retag, people, force);
    }

    /**
     * This request forced past refusing rules.
     *
     * @param reason why; recorded in the deployment commit's trailers
     * @return the new request
     */
    public PromotionRequest withForce(String reason) {
        return new PromotionRequest(service, target, version, dryRun, retag, approvers, Optional.of(reason));
    }
}
