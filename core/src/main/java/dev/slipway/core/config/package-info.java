/**
 * The configuration model ({@code slipway.yaml}) as immutable records, and its loader.
 */
package dev.slipway.core.config;
