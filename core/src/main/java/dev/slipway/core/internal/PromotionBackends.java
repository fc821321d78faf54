package dev.slipway.core.internal;

import dev.slipway.spi.CdClient;
import dev.slipway.spi.ImageRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry and CD backends the rules {@code image-exists} and {@code healthy-in-source} ask, when the
 * configuration names them (or a host handed them in).
 *
 * @param registry the open registry, if any
 * @param cd the open CD client, if any
 */
public record PromotionBackends(Optional<ImageRegistry> registry, Optional<CdClient> cd) {

    /** No backends. */
    public static final PromotionBackends NONE = new PromotionBackends(Optional.empty(), Optional.empty());

    /**
     * Checks the parts.
     */
    public PromotionBackends {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(cd, "cd");
    }
}
