package dev.slipway.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cd} section. No CD backend is used unless one is named here or on the command line. The
 * token never comes from here: it comes from {@code ARGOCD_AUTH_TOKEN}.
 *
 * @param backend the CD backend id, such as {@code cd-argocd} ({@code backend})
 * @param server the server, {@code host[:port]} or a URL ({@code server})
 * @param plaintext no TLS ({@code plaintext})
 * @param insecure TLS without certificate verification ({@code insecure})
 * @param project the project sent on every call ({@code project})
 * @param appNamespace the applications' namespace ({@code app-namespace})
 */
public record CdConfig(Optional<String> backend, Optional<String> server, boolean plaintext, boolean insecure,
        Optional<String> project, Optional<String> appNamespace) {

    /** The embedded default: no CD backend. */
    public static final CdConfig DEFAULT =
            new CdConfig(Optional.empty(), Optional.empty(), false, false, Optional.empty(), Optional.empty());

    /**
     * Checks the parts.
     */
    public CdConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(appNamespace, "appNamespace");
    }
}
