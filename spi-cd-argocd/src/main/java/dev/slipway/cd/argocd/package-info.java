/**
 * The {@link dev.slipway.spi.CdBackend} on the Argo CD REST API, id {@code cd-argocd}:
 * {@link dev.slipway.cd.argocd.ArgoCdBackend}. Found with {@link java.util.ServiceLoader} and used only when
 * named ({@code cd.backend}, {@code --cd argocd}).
 */
package dev.slipway.cd.argocd;
