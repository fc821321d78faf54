/**
 * In-memory reference backends: pure JDK, scriptable, never registered with
 * {@link java.util.ServiceLoader}. They serve the demo and hosts' tests, and pass the same contract kits
 * as the real adapters ({@link dev.slipway.core.memory.InMemoryCdBackend} for CD).
 */
package dev.slipway.core.memory;
