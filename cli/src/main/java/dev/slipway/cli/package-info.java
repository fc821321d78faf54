/**
 * The {@code slipway} command's entry point.
 */
package dev.slipway.cli;
