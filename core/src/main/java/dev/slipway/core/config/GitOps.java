package dev.slipway.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gitops} section: where versions are written and how the change is committed.
 *
 * @param marker the marker comment's pattern, with {@code {env}} and {@code {service}} ({@code marker})
 * @param files the globs of the files that may hold markers ({@code files}, default every YAML file)
 * @param render the render command's arguments, empty for none ({@code render})
 * @param renderDir where the built-in Kustomize renderer writes ({@code render-dir})
 * @param commitMessage the commit message template ({@code commit-message})
 * @param pushTimeout how long pushes are retried when the remote moved ({@code push-timeout})
 */
public record GitOps(String marker, List<String> files, List<String> render, Optional<String> renderDir,
        String commitMessage, Duration pushTimeout) {

    /** The embedded default. */
    public static final GitOps DEFAULT = new GitOps("{env}_{service}", List.of("**/*.yaml", "**/*.yml"), List.of(),
            Optional.empty(), "chore(deploy): {service} {version} to {env}", Duration.ofMinutes(5));

    /**
     * Freezes the parts.
     */
    public GitOps {
        Objects.requireNonNull(marker, "marker");
        files = List.copyOf(files);
        render = List.copyOf(render);
        Objects.requireNonNull(renderDir, "renderDir");
        Objects.requireNonNull(commitMessage, "commitMessage");
        Objects.requireNonNull(pushTimeout, "pushTimeout");
    }

    /**
     * The marker text of a service in an environment.
     *
     * @param environment the environment's name
     * @param service the service's path
     * @return for example {@code staging_services/go-backend}
     */
    public String formatMarker(String environment, String service) {
        return marker.replace("{env}", environment).replace("{service}", service);
    }
}
