/**
 * The Argo CD client behind {@link dev.slipway.cd.argocd.ArgoCdBackend}: the server address, the HTTP calls
 * with their retries and error mapping, and the JSON of the API. Not exported.
 */
package dev.slipway.cd.argocd.internal;
