package dev.slipway.core.promotion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one environment ran for one service: its deployments, newest first, the first being what it runs now.
 *
 * @param environment the environment's name
 * @param history the deployments, newest first; empty when the environment never ran the service
 */
public record EnvironmentState(String environment, List<DeployedVersion> history) {

    /**
     * Freezes the parts.
     */
    public EnvironmentState {
        Objects.requireNonNull(environment, "environment");
        history = List.copyOf(history);
    }

    /**
     * What the environment runs now.
     *
     * @return the newest deployment, or empty
     */
    public Optional<DeployedVersion> current() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
    }

    /**
     * Whether the deployment at an index of {@link #history} was rolled back: the deployment right after it
     * is a rollback.
     *
     * @param index an index of the history
     * @return true when the next newer deployment rolled it back
     */
    public boolean rolledBack(int index) {
        Objects.checkIndex(index, history.size());
        return index > 0 && history.get(index - 1).rollback();
    }
}
