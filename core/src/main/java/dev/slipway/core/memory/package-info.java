/**
 * In-memory reference backends, pure JDK: they serve the demo and hosts' tests, pass the same contract
 * kits as the real adapters ({@link dev.slipway.core.memory.InMemoryRegistry} for registries,
 * {@link dev.slipway.core.memory.InMemoryCdBackend} for CD), are scriptable, and are never registered with
 * {@link java.util.ServiceLoader} (hand them to {@code Slipway.builder()}).
 */
package dev.slipway.core.memory;
