package dev.slipway.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment's promotion policy ({@code promotion}): the environment a version must come from and
 * the rules it must pass.
 *
 * @param from the source environment ({@code from})
 * @param rules the rule names, in order ({@code rules})
 * @param soak how long the source must have run the code ({@code soak})
 */
public record Promotion(String from, List<String> rules, Optional<Duration> soak) {

    /** The built-in rule names. */
    public static final List<String> RULES = List.of("release-version", "verified-in-source", "healthy-in-source",
            "soak", "image-exists", "no-downgrade", "freeze", "approvals");

    /**
     * Freezes the parts.
     */
    public Promotion {
        Objects.requireNonNull(from, "from");
        rules = List.copyOf(rules);
        Objects.requireNonNull(soak, "soak");
    }
}
