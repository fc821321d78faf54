/**
 * The CD backend on the Argo CD REST API (id {@code cd-argocd}). Its provider arrives with the Argo CD issue.
 */
module dev.slipway.cd.argocd {
    requires dev.slipway.api;
}
