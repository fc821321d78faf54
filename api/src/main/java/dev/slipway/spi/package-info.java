/**
 * Contracts for backends (git, image registry, CD system, renderer). Providers implement these,
 * declare a public no-arg constructor, and register both in {@code module-info}
 * ({@code provides ... with ...}) and in {@code META-INF/services}.
 */
package dev.slipway.spi;
