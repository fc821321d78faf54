/**
 * The git backend on Eclipse JGit (id {@code git-jgit}): {@link dev.slipway.git.jgit.JGitBackend}.
 * JGit is an automatic module, hence the suppressed warning.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.slipway.git.jgit {
    requires transitive dev.slipway.api;
    requires org.eclipse.jgit;

    exports dev.slipway.git.jgit;

    provides dev.slipway.spi.GitBackend with dev.slipway.git.jgit.JGitBackend;
}
