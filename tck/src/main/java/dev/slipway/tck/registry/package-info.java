/**
 * The registry contract kit: {@link dev.slipway.tck.registry.RegistryBackendContract} and the test images
 * it pushes ({@link dev.slipway.tck.registry.TestImage}).
 */
package dev.slipway.tck.registry;
