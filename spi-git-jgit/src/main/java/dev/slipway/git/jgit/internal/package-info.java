/**
 * The implementation of the JGit backend: the repository adapter, the revision parser and the
 * isolating {@code SystemReader}. Not exported.
 */
package dev.slipway.git.jgit.internal;
