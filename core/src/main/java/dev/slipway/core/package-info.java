/**
 * The {@link dev.slipway.core.Slipway} facade: the one entry point a host embeds.
 */
package dev.slipway.core;
