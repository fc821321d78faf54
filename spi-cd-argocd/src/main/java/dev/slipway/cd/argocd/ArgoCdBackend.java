package dev.slipway.cd.argocd;

import dev.slipway.cd.argocd.internal.ArgoCdClient;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdSettings;

/**
 * The CD backend on the Argo CD REST API, id {@value #ID}. Passes the {@code tck} module's
 * {@code CdBackendContract}.
 *
 * <p>Configured like the {@code argocd} CLI:
 * <ul>
 *   <li>the server from {@code cd.server} ({@code host[:port]} or a URL, a path prefix allowed) or the
 *       {@code ARGOCD_SERVER} environment variable; {@code cd.plaintext} for HTTP without TLS,
 *       {@code cd.insecure} for TLS without certificate verification (verified by default);</li>
 *   <li>the bearer token from {@code ARGOCD_AUTH_TOKEN}, or a session login with {@code ARGOCD_USERNAME} and
 *       {@code ARGOCD_PASSWORD}; never from {@code slipway.yaml}, never in a message, log or
 *       {@code toString};</li>
 *   <li>{@code cd.project} and {@code cd.app-namespace} sent on every call: with a project, Argo CD answers
 *       404 for a missing application and 403 only for a missing permission.</li>
 * </ul>
 * Every call has the settings' time limit; 5xx answers and connection faults are retried with back-off;
 * a sync that meets another operation waits for it; a sync window is a
 * {@link dev.slipway.spi.CdFrozenException}.
 */
public final class ArgoCdBackend implements CdBackend {

    /** The backend's id, as named in {@code slipway.yaml} ({@code argocd} is an alias). */
    public static final String ID = "cd-argocd";

    /**
     * Creates the backend; does no I/O.
     */
    public ArgoCdBackend() {
    }

    /**
     * The backend's id.
     *
     * @return {@value #ID}
     */
    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens a client: reads the server and credentials and builds the HTTP client, without network I/O.
     *
     * @param settings the settings
     * @return the client
     * @throws dev.slipway.api.InvalidInputException if there is no server or no credentials, or the server
     *     is malformed
     */
    @Override
    public CdClient open(CdSettings settings) {
        return ArgoCdClient.open(settings);
    }

    @Override
    public String toString() {
        return "ArgoCdBackend[" + ID + "]";
    }
}
