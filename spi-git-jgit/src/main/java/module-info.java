/**
 * The git backend on Eclipse JGit (id {@code git-jgit}). Its provider arrives with the git issue.
 */
module dev.slipway.git.jgit {
    requires dev.slipway.api;
}
