package dev.slipway.registry.oci;

import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.oci.internal.OciOptions;
import dev.slipway.registry.oci.internal.OciRegistry;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry backend on the OCI distribution API (id {@value #ID}), on {@code java.net.http} only: GHCR,
 * Docker Hub, Harbor, a {@code docker-registry}, ECR's registry endpoint.
 *
 * <ul>
 *   <li>digest: {@code HEAD /v2/<name>/manifests/<tag>} accepting OCI indexes and manifests and Docker manifest
 *       lists and manifests, read from {@code Docker-Content-Digest};</li>
 *   <li>tags: {@code GET /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"} over every page;</li>
 *   <li>retag: {@code GET} of the manifest's exact bytes, then {@code PUT} of those bytes under the new tag with
 *       the same {@code Content-Type}, never re-serialised; a target that already holds the digest is left alone;</li>
 *   <li>authentication: Basic, and the Bearer token challenge ({@code realm}, {@code service}, {@code scope}) with
 *       tokens cached per scope; credentials from a {@link RegistryCredentials} source.</li>
 * </ul>
 *
 * <p>Where the registry is: {@code registry.url} ({@link RegistrySettings#url()}) when set, which an image
 * naming a host must match; else the image's host over HTTPS ({@code http} for {@code localhost} and
 * {@code 127.0.0.0/8}); {@code docker.io} means {@code registry-1.docker.io} and its one-component names get
 * {@code library/}. Credentials: the source {@code registry.credentials} names (see
 * {@link CredentialsSources#named}), else the one handed to {@link Builder#credentials}, else
 * {@link CredentialsSources#defaults()}. Throttling ({@code 429}) and server errors ({@code 502}, {@code 503},
 * {@code 504}) and connection failures are retried with full-jitter exponential back-off.
 */
public final class OciRegistryBackend implements RegistryBackend {

    /** The id of this backend. */
    public static final String ID = "registry-oci";

    private final Builder settings;

    /**
     * The backend with its defaults, as discovery creates it.
     */
    public OciRegistryBackend() {
        this(new Builder());
    }

    private OciRegistryBackend(Builder builder) {
        this.settings = builder.copy();
    }

    /**
     * A builder for a backend with the host's own credentials source, retries or timeouts.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens a client; no I/O happens until the first call.
     *
     * @param registrySettings {@code url} and {@code credentials} apply; {@code region} and {@code endpoint} are ignored
     * @return the client
     * @throws InvalidInputException if the URL is not an http(s) origin without credentials, path, query or
     *     fragment, or the credentials source is unknown
     */
    @Override
    public ImageRegistry open(RegistrySettings registrySettings) {
        Objects.requireNonNull(registrySettings, "registrySettings");
        Optional<URI> url = registrySettings.url().map(OciRegistryBackend::checkUrl);
        RegistryCredentials credentials = registrySettings.credentials().map(CredentialsSources::named)
                .orElseGet(() -> settings.credentials != null ? settings.credentials : CredentialsSources.defaults());
        return new OciRegistry(url, credentials, new OciOptions(settings.retries, settings.backoff, settings.connectTimeout,
                settings.requestTimeout, settings.pageSize, settings.clock));
    }

    private static URI checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getRawUserInfo() != null) {
            throw new InvalidInputException("registry.url", "registry.url carries credentials (not shown); remove them:"
                    + " credentials come from the environment or docker's config.json");
        }
        String shown = url.toString();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new InvalidInputException(shown, "registry.url '" + shown + "' is not an http or https URL such as"
                    + " https://ghcr.io");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null
                || (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))) {
            throw new InvalidInputException(shown, "registry.url '" + shown + "' has a path, query or fragment; give the"
                    + " registry's origin only, such as https://ghcr.io (the API lives at /v2/)");
        }
        return URI.create(scheme + "://" + url.getRawAuthority());
    }

    /**
     * The id and credentials source (never a credential).
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return "OciRegistryBackend[" + (settings.credentials == null ? "default credentials" : settings.credentials.name())
                + "]";
    }

    /**
     * Builds an {@link OciRegistryBackend}.
     */
    public static final class Builder {

        private RegistryCredentials credentials;
        private int retries = 3;
        private Duration backoff = Duration.ofMillis(200);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int pageSize;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.credentials = credentials;
            b.retries = retries;
            b.backoff = backoff;
            b.connectTimeout = connectTimeout;
            b.requestTimeout = requestTimeout;
            b.pageSize = pageSize;
            b.clock = clock;
            return b;
        }

        /**
         * The credentials source to use when {@code registry.credentials} names none (default:
         * {@link CredentialsSources#defaults()}).
         *
         * @param source the source
         * @return this builder
         */
        public Builder credentials(RegistryCredentials source) {
            this.credentials = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * How often a throttled, failing ({@code 502}, {@code 503}, {@code 504}) or unreachable request is retried
         * (default 3).
         *
         * @param retries 0 to 10
         * @return this builder
         */
        public Builder retries(int retries) {
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("retries must be 0 to 10, not " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * The base of the full-jitter exponential back-off between retries, capped at 30 times the base
         * (default 200 ms). A {@code Retry-After} header of up to 30 s is honoured instead.
         *
         * @param base the base; zero retries at once
         * @return this builder
         */
        public Builder retryBackoff(Duration base) {
            if (Objects.requireNonNull(base, "base").isNegative()) {
                throw new IllegalArgumentException("the back-off must not be negative");
            }
            this.backoff = base;
            return this;
        }

        /**
         * The connect timeout (default 10 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * The timeout of one request, response included (default 60 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /**
         * The page size asked for when listing tags ({@code ?n=}); 0 (default) lets the registry choose.
         *
         * @param n 0 to 10,000
         * @return this builder
         */
        public Builder tagsPageSize(int n) {
            if (n < 0 || n > 10_000) {
                throw new IllegalArgumentException("the page size must be 0 to 10000, not " + n);
            }
            this.pageSize = n;
            return this;
        }

        /**
         * The clock token expiry is measured with (default: the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the backend.
         *
         * @return the backend
         */
        public OciRegistryBackend build() {
            return new OciRegistryBackend(this);
        }

        private static Duration positive(Duration d) {
            if (Objects.requireNonNull(d, "timeout").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive");
            }
            return d;
        }
    }
}
