package dev.slipway.spi;

/**
 * A way to reach a CD system (Argo CD) that deploys what the GitOps repository declares. Providers are
 * found with {@link java.util.ServiceLoader} and used only when named ({@code cd.backend} in
 * {@code slipway.yaml}, {@code --cd} on the command line): a provider on the class path never activates
 * itself. The first-party provider is {@code cd-argocd}.
 *
 * <p>Rules every backend follows (the {@code tck} module's {@code CdBackendContract} checks them; the rules
 * of the operations are on {@link CdClient}):
 * <ol>
 *   <li>{@code CD-1}: {@link #open} does no network I/O (connecting and logging in happen on first use);
 *       settings it cannot work with (no server, no credentials, a malformed address) are an
 *       {@link dev.slipway.api.InvalidInputException} that names the setting or environment variable and
 *       the fix. Neither the backend's nor the client's {@code toString} holds a secret.</li>
 * </ol>
 */
public interface CdBackend extends Backend {

    /**
     * Opens a client of the CD system the settings describe.
     *
     * @param settings the server, project and namespace, the environment credentials come from, and the
     *     clock and sleeper waits go through
     * @return the client; close it when done
     * @throws dev.slipway.api.InvalidInputException if the settings are incomplete or malformed
     */
    CdClient open(CdSettings settings);
}
