package dev.slipway.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A backend provider discovery found, or one that failed to load.
 *
 * @param spi the SPI it implements, such as {@code GitBackend}
 * @param id its id, such as {@code git-jgit}; empty for a provider that failed to load
 * @param implementation the provider class, or what failed to load
 * @param version the version its jar declares ({@code Implementation-Version}), if any
 * @param location the jar or directory it was loaded from, if known
 * @param problem why it could not be loaded, for a broken provider
 */
public record Adapter(String spi, Optional<String> id, String implementation, Optional<String> version,
        Optional<String> location, Optional<String> problem) {

    /**
     * Checks the parts.
     */
    public Adapter {
        Objects.requireNonNull(spi, "spi");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
    }
}
