package dev.slipway.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link Slipway#demo} did.
 *
 * @param repository the demo monorepo's work tree (explore it with {@code git log} or {@code slipway --repo})
 * @param remote its bare remote
 * @param steps how many steps the narration had
 * @param elapsed how long the demo took
 */
public record DemoRun(Path repository, Path remote, int steps, Duration elapsed) {

    /**
     * Checks the parts.
     */
    public DemoRun {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
