/**
 * The picocli commands, their wiring (global options, exit codes, error reporting) and the JSON writer
 * behind {@code --json}; not exported, opened to picocli only.
 */
package dev.slipway.cli.internal;
