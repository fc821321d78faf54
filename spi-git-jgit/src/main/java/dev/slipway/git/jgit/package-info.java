/**
 * The {@link dev.slipway.spi.GitBackend} on Eclipse JGit, id {@code git-jgit}:
 * {@link dev.slipway.git.jgit.JGitBackend}. Found with {@link java.util.ServiceLoader}; hosts that embed it
 * may call {@link dev.slipway.git.jgit.JGitBackend#isolate()} to keep JGit out of the user's home.
 */
package dev.slipway.git.jgit;
