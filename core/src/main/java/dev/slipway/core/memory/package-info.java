/**
 * In-memory reference backends, pure JDK: they serve the demo and hosts' tests, pass the same contract
 * kits as the real adapters, and are never registered with {@link java.util.ServiceLoader} (hand them to
 * {@code Slipway.builder()}).
 */
package dev.slipway.core.memory;
