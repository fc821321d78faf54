package dev.slipway.core;

import java.util.List;
import java.util.Objects;

/**
 * What a CI event means for the monorepo: the builds it triggers and the deployments that follow them. A host
 * builds and pushes each build's image, then applies each deployment with the facade.
 *
 * @param trigger the event in words, such as {@code push to main (abc1234..def5678)} or
 *     {@code release tag services/web@0.2.3}
 * @param builds the versions to build, sorted by service
 * @param deployments the deployments, in the order of {@code builds}, then of the environments' configuration
 */
public record FlowPlan(String trigger, List<BuildVersion> builds, List<PlannedDeployment> deployments) {

    /**
     * Freezes the parts.
     */
    public FlowPlan {
        Objects.requireNonNull(trigger, "trigger");
        builds = List.copyOf(builds);
        deployments = List.copyOf(deployments);
    }

    /**
     * Whether the event changes nothing.
     *
     * @return true when there is nothing to build
     */
    public boolean isEmpty() {
        return builds.isEmpty();
    }
}
