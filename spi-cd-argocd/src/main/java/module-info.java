/**
 * The CD backend on the Argo CD REST API (id {@code cd-argocd}): {@link dev.slipway.cd.argocd.ArgoCdBackend}.
 * Talks JSON over {@code java.net.http}; Jackson stays inside this module.
 */
module dev.slipway.cd.argocd {
    requires transitive dev.slipway.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.slipway.cd.argocd;

    provides dev.slipway.spi.CdBackend with dev.slipway.cd.argocd.ArgoCdBackend;
}
