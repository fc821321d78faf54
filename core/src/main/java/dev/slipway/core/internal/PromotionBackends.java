package dev.slipway.core.internal;

/**
 * The registry and CD backends the rules {@code image-exists} and {@code healthy-in-source} ask, when the
 * configuration names them.
 */
public record PromotionBackends() {

    /** No backends. */
    public static final PromotionBackends NONE = new PromotionBackends();
}
