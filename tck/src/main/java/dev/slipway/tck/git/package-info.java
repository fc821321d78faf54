/**
 * The contract kit of {@link dev.slipway.spi.GitBackend}: {@link dev.slipway.tck.git.GitBackendContract}
 * (JUnit, example histories, rules {@code GIT-1} to {@code GIT-11}) and
 * {@link dev.slipway.tck.git.GitBackendProperties} (jqwik, generated histories), with the git command line
 * as the oracle, run through {@link dev.slipway.tck.git.GitCli} in a hermetic environment.
 */
package dev.slipway.tck.git;
