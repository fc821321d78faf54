package dev.slipway.core;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment (or rollback) changed.
 *
 * @param deployments each service and environment, with the version set and the values it replaced
 * @param files every repo-relative file changed (edited and rendered), sorted
 * @param commit the commit made, empty without {@code --commit} or when nothing changed
 * @param pushed whether the commit reached the remote branch
 * @param attempts how many times the edit was built (1, plus one per time the remote moved)
 */
public record DeployResult(List<Deployed> deployments, List<String> files, Optional<CommitId> commit, boolean pushed,
        int attempts) {

    /**
     * Freezes the parts.
     */
    public DeployResult {
        deployments = List.copyOf(deployments);
        files = List.copyOf(files);
        Objects.requireNonNull(commit, "commit");
    }

    /**
     * Whether anything changed (false when every marker already held its version).
     *
     * @return true if a file changed
     */
    public boolean changed() {
        return !files.isEmpty();
    }

    /**
     * The only deployment of a single-service flow.
     *
     * @return the deployment
     * @throws IllegalStateException if there are several
     */
    public Deployed single() {
        if (deployments.size() != 1) {
            throw new IllegalStateException(deployments.size() + " deployments, not one");
        }
        return deployments.get(0);
    }

    /**
     * One service in one environment.
     *
     * @param service the service
     * @param environment the environment
     * @param version the version now set
     * @param previous the distinct values the markers held before, in file order
     * @param files the files holding its markers, sorted
     * @param changed whether a value changed
     */
    public record Deployed(ServiceId service, String environment, String version, List<String> previous,
            List<String> files, boolean changed) {

        /**
         * Freezes the parts.
         */
        public Deployed {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(version, "version");
            previous = List.copyOf(previous);
            files = List.copyOf(files);
        }
    }
}
