/**
 * The picocli commands; not exported.
 */
package dev.slipway.cli.internal;
