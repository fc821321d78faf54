package dev.slipway.registry.oci.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageNotFoundException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ImageTagConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.SlipwayException;
import dev.slipway.registry.oci.Credential;
import dev.slipway.registry.oci.RegistryCredentials;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ImageRegistry} on the OCI distribution API: HEAD for digests, paged tag lists, retag by GET of
 * the exact bytes and PUT under the new tag, Basic and Bearer-challenge authentication, bounded retries.
 */
public final class OciRegistry implements ImageRegistry {

    private static final System.Logger LOG = System.getLogger(OciRegistry.class.getName());

    /** Every manifest media type a retag must carry over unchanged, most specific first. */
    static final String ACCEPT = String.join(", ", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final List<String> DOCKER_HUB = List.of("docker.io", "index.docker.io", "registry-1.docker.io");
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_PAGES = 100_000;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final Optional<URI> base;
    private final RegistryCredentials credentials;
    private final OciOptions options;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> basicOrigins = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<Credential>> credentialCache = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Where an image's API lives. */
    private record Target(ImageRepository image, URI origin, String host, String path) {

        URI uri(String suffix) {
            return URI.create(origin + "/v2/" + path + suffix);
        }

        String registry() {
            return origin.toString();
        }
    }

    private record Token(String value, Instant expires) {
    }

    private record Response(int status, HttpHeaders headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * A client; no I/O until the first call.
     *
     * @param base the registry's origin, when configured
     * @param credentials the credentials source
     * @param options the tunables
     */
    public OciRegistry(Optional<URI> base, RegistryCredentials credentials, OciOptions options) {
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slipway-registry-oci");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ------------------------------------------------------------------ operations

    @Override
    public Optional<Digest> digest(ImageRepository image, ImageTag tag) {
        Objects.requireNonNull(tag, "tag");
        Target t = target(image);
        String operation = "read the tag " + tag + " of";
        Response r = exchange(t, operation, "HEAD", t.uri("/manifests/" + tag), ACCEPT, null, null, "pull");
        if (r.status() == 404) {
            requireRepository(t);
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw failure(t, operation, r);
        }
        Optional<String> header = r.header("Docker-Content-Digest");
        if (header.isPresent()) {
            return Optional.of(digest(t, operation, header.get()));
        }
        // a registry that leaves the header off HEAD: the digest of the bytes is the answer
        Response get = exchange(t, operation, "GET", t.uri("/manifests/" + tag), ACCEPT, null, null, "pull");
        if (get.status() == 404) {
            return Optional.empty();
        }
        if (get.status() != 200) {
            throw failure(t, operation, get);
        }
        return Optional.of(Digest.sha256(get.body()));
    }

    @Override
    public List<ImageTag> tags(ImageRepository image) {
        Target t = target(image);
        String operation = "list the tags of";
        URI next = t.uri("/tags/list" + (options.pageSize() > 0 ? "?n=" + options.pageSize() : ""));
        Set<URI> visited = new HashSet<>();
        TreeSet<String> tags = new TreeSet<>();
        while (next != null) {
            if (!visited.add(next) || visited.size() > MAX_PAGES) {
                throw new BackendException("registry " + t.registry() + " failed to " + operation + " " + image
                        + ": its Link headers lead back to a page already read (" + next.getRawPath()
                        + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()) + "); report it to the registry's operators");
            }
            Response r = exchange(t, operation, "GET", next, "application/json", null, null, "pull");
            if (r.status() == 404 && errorCodes(r).contains("NAME_UNKNOWN")) {
                throw new ImageRepositoryNotFoundException(image, t.registry());
            }
            if (r.status() != 200) {
                throw failure(t, operation, r);
            }
            Map<String, Object> page;
            try {
                page = Json.object(new String(r.body(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BackendException("registry " + t.registry() + " failed to " + operation + " " + image
                        + ": the tag list is not a JSON object (" + e.getMessage() + ")");
            }
            if (page.get("tags") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof String s && isTag(s)) {
                        tags.add(s);
                    } else {
                        LOG.log(System.Logger.Level.WARNING, "registry " + t.registry() + " lists a tag of " + image
                                + " that is not an OCI tag; skipping it");
                    }
                }
            }
            next = nextPage(t, operation, next, r);
        }
        return tags.stream().map(ImageTag::of).toList();
    }

    @Override
    public Digest retag(ImageRepository image, ImageTag from, ImageTag to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Target t = target(image);
        String read = "read the tag " + from + " of";
        Response got = exchange(t, read, "GET", t.uri("/manifests/" + from), ACCEPT, null, null, "pull");
        if (got.status() == 404) {
            requireRepository(t);
            throw new ImageNotFoundException(image, from, t.registry());
        }
        if (got.status() != 200) {
            throw failure(t, read, got);
        }
        byte[] manifest = got.body();
        Digest digest = Digest.sha256(manifest);
        Optional<String> served = got.header("Docker-Content-Digest");
        if (served.isPresent() && served.get().startsWith("sha256:") && !digest(t, read, served.get()).equals(digest)) {
            throw new BackendException("registry " + t.registry() + " served " + image + ":" + from + " with bytes whose"
                    + " digest " + digest + " is not the " + served.get() + " it announced; retag nothing and report it");
        }
        String mediaType = got.header("Content-Type").filter(s -> !s.isBlank())
                .orElseGet(() -> mediaTypeOf(manifest).orElseThrow(() -> new BackendException("registry " + t.registry()
                        + " served " + image + ":" + from + " without a Content-Type and without a mediaType in the"
                        + " manifest; cannot retag it unchanged")));
        if (from.equals(to)) {
            return digest;
        }
        Optional<Digest> current = digest(image, to);
        if (current.isPresent() && current.get().equals(digest)) {
            return digest;
        }
        String write = "tag " + digest + " as " + to + " in";
        Response put = exchange(t, write, "PUT", t.uri("/manifests/" + to), null, mediaType, manifest, "pull,push");
        if (put.status() == 201 || put.status() == 200) {
            Optional<String> stored = put.header("Docker-Content-Digest");
            if (stored.isPresent() && !digest(t, write, stored.get()).equals(digest)) {
                throw new BackendException("registry " + t.registry() + " stored " + image + ":" + to + " as "
                        + stored.get() + " instead of " + digest + ": it changed the manifest's bytes");
            }
            return digest;
        }
        if (put.status() >= 400 && put.status() < 500) {
            Optional<Digest> now = digest(image, to);
            if (now.isPresent() && !now.get().equals(digest)) {
                throw new ImageTagConflictException(image, to, now.get(), digest);
            }
        }
        throw failure(t, write, put);
    }

    @Override
    public Mutability mutability(ImageRepository image) {
        requireRepository(target(image));
        return Mutability.UNKNOWN;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
            tokens.clear();
            credentialCache.clear();
        }
    }

    @Override
    public String toString() {
        return "OciRegistry[" + base.map(URI::toString).orElse("the images' hosts") + ", credentials "
                + credentials.name() + "]";
    }

    // ------------------------------------------------------------------ helpers of the operations

    /** Raises ImageRepositoryNotFoundException when the registry says the repository is unknown. */
    private void requireRepository(Target t) {
        String operation = "look up the repository";
        Response r = exchange(t, operation, "GET", t.uri("/tags/list?n=1"), "application/json", null, null, "pull");
        if (r.status() == 404 && errorCodes(r).contains("NAME_UNKNOWN")) {
            throw new ImageRepositoryNotFoundException(t.image(), t.registry());
        }
        if (r.status() != 200 && r.status() != 404) {
            throw failure(t, operation, r);
        }
    }

    private static Digest digest(Target t, String operation, String text) {
        try {
            return Digest.of(text.trim());
        } catch (InvalidInputException e) {
            throw new BackendException("registry " + t.registry() + " failed to " + operation + " " + t.image()
                    + ": it answered with a Docker-Content-Digest that is not a digest (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> mediaTypeOf(byte[] manifest) {
        try {
            return Json.string(Json.object(new String(manifest, StandardCharsets.UTF_8)), "mediaType");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isTag(String s) {
        try {
            ImageTag.of(s);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** The next page of a tag list: the Link header's rel="next", on the same origin. */
    private URI nextPage(Target t, String operation, URI current, Response r) {
        for (String header : r.headers().allValues("Link")) {
            for (String link : splitLinks(header)) {
                int open = link.indexOf('<');
                int close = link.indexOf('>', open + 1);
                if (open < 0 || close < 0) {
                    continue;
                }
                String params = link.substring(close + 1).toLowerCase(Locale.ROOT);
                if (!relIsNext(params)) {
                    continue;
                }
                URI next;
                try {
                    next = current.resolve(link.substring(open + 1, close).trim());
                } catch (IllegalArgumentException e) {
                    throw new BackendException("registry " + t.registry() + " failed to " + operation + " " + t.image()
                            + ": its Link header holds an invalid URL");
                }
                if (!origin(next).equals(origin(t.origin()))) {
                    throw new BackendException("registry " + t.registry() + " failed to " + operation + " " + t.image()
                            + ": its Link header points to another origin (" + origin(next) + "); Slipway does not follow it");
                }
                return next;
            }
        }
        return null;
    }

    private static List<String> splitLinks(String header) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                depth++;
            } else if (c == '>' && !quoted) {
                depth--;
            } else if (c == ',' && depth == 0 && !quoted) {
                out.add(header.substring(start, i));
                start = i + 1;
            }
        }
        out.add(header.substring(start));
        return out;
    }

    private static boolean relIsNext(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            if (p.startsWith("rel")) {
                String value = p.substring(p.indexOf('=') + 1).trim().replace("\"", "");
                for (String rel : value.split("\\s+")) {
                    if (rel.equals("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ where an image lives

    private Target target(ImageRepository image) {
        Objects.requireNonNull(image, "image");
        Optional<String> host = image.registry();
        if (base.isPresent()) {
            URI origin = base.get();
            String served = origin.getRawAuthority();
            if (host.isPresent() && !sameHost(host.get(), origin)) {
                throw new InvalidInputException(image.value(), "the image " + image + " is on the registry " + host.get()
                        + ", but this registry client serves " + origin + " (registry.url); name an image of that registry,"
                        + " or change registry.url");
            }
            return new Target(image, origin, served, image.path());
        }
        if (host.isEmpty()) {
            throw new InvalidInputException(image.value(), "the image " + image + " names no registry host and"
                    + " registry.url is not set; write the host into the image (ghcr.io/acme/web) or set registry.url");
        }
        String h = host.get().toLowerCase(Locale.ROOT);
        if (DOCKER_HUB.contains(h)) {
            String path = image.path().contains("/") ? image.path() : "library/" + image.path();
            return new Target(image, URI.create("https://registry-1.docker.io"), "docker.io", path);
        }
        String scheme = isLoopback(host.get()) ? "http" : "https";
        return new Target(image, URI.create(scheme + "://" + host.get()), host.get(), image.path());
    }

    private static boolean sameHost(String imageHost, URI origin) {
        String a = imageHost.toLowerCase(Locale.ROOT);
        String b = origin.getRawAuthority().toLowerCase(Locale.ROOT);
        String defaultPort = origin.getScheme().equals("https") ? ":443" : ":80";
        return strip(a, defaultPort).equals(strip(b, defaultPort))
                || (DOCKER_HUB.contains(a) && DOCKER_HUB.contains(strip(b, defaultPort)));
    }

    private static String strip(String authority, String suffix) {
        return authority.endsWith(suffix) ? authority.substring(0, authority.length() - suffix.length()) : authority;
    }

    static boolean isLoopback(String hostAndPort) {
        String h = hostAndPort.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && !h.startsWith("[")) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ HTTP, authentication, retries

    /**
     * Sends a request to the registry, authenticating on a 401 challenge (once), retrying throttling, server
     * errors and connection failures, and following same-origin redirects of reads.
     */
    private Response exchange(Target t, String operation, String method, URI uri, String accept, String contentType,
            byte[] body, String actions) {
        String scopeKey = origin(t.origin()) + " repository:" + t.path() + ":" + actions;
        boolean authenticated = false;
        URI current = uri;
        int redirects = 0;
        while (true) {
            boolean sameOrigin = origin(current).equals(origin(t.origin()));
            Optional<String> authorization = sameOrigin ? authorization(t, scopeKey) : Optional.empty();
            URI target = current;
            HttpResponse<byte[]> r = send(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(options.requestTimeout())
                        .header("User-Agent", "slipway-registry-oci")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                if (target.getScheme().equals("http")) {
                    b.version(HttpClient.Version.HTTP_1_1);
                }
                if (accept != null) {
                    b.header("Accept", accept);
                }
                if (contentType != null) {
                    b.header("Content-Type", contentType);
                }
                authorization.ifPresent(a -> b.header("Authorization", a));
                return b.build();
            }, "registry " + t.registry() + " failed to " + operation + " " + t.image());
            int status = r.statusCode();
            LOG.log(System.Logger.Level.DEBUG, () -> method + " " + target + " -> " + status);
            if (status == 401 && sameOrigin) {
                if (authenticated) {
                    throw refused(t, operation, status);
                }
                authenticated = true;
                authenticate(t, operation, r.headers(), scopeKey, actions);
                continue;
            }
            if (status >= 300 && status < 400 && status != 304 && (method.equals("GET") || method.equals("HEAD"))
                    && r.headers().firstValue("Location").isPresent() && redirects++ < MAX_REDIRECTS) {
                current = current.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            return new Response(status, r.headers(), r.body() == null ? new byte[0] : r.body());
        }
    }

    /** Sends with retries: connection failures, 429, 502, 503 and 504, with full-jitter back-off. */
    private HttpResponse<byte[]> send(java.util.function.Supplier<HttpRequest> request, String failing) {
        int attempt = 0;
        while (true) {
            if (closed.get()) {
                throw new IllegalStateException("this registry client is closed");
            }
            HttpResponse<byte[]> r;
            try {
                r = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt < options.retries()) {
                    pause(backoff(attempt++));
                    continue;
                }
                throw new BackendException(failing + ": " + describe(e) + (attempt > 0 ? " (after " + (attempt + 1)
                        + " attempts)" : "") + "; check that the registry is reachable (registry.url)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(failing + ": interrupted", e);
            }
            int status = r.statusCode();
            if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt < options.retries()) {
                pause(retryAfter(r).orElse(backoff(attempt)));
                attempt++;
                continue;
            }
            if (status == 429) {
                throw new BackendException(failing + ": the registry keeps throttling (HTTP 429 after " + (attempt + 1)
                        + " attempts); retry later");
            }
            return r;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message + " (" + kind + ")";
    }

    private Duration backoff(int attempt) {
        long base = options.backoff().toMillis();
        if (base == 0) {
            return Duration.ZERO;
        }
        long cap = base * 30;
        long ceiling = Math.min(cap, base << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        if (options.backoff().isZero()) {
            return Optional.of(Duration.ZERO);
        }
        return r.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.trim()));
                return d.isNegative() || d.compareTo(MAX_RETRY_AFTER) > 0 ? Optional.empty() : Optional.of(d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting to retry a registry request", e);
        }
    }

    private Optional<Credential> credential(Target t) {
        return credentialCache.computeIfAbsent(t.host(), credentials::lookup);
    }

    /** The Authorization header for a request: a cached Bearer token, Basic once challenged, or a registry token. */
    private Optional<String> authorization(Target t, String scopeKey) {
        Token token = tokens.get(scopeKey);
        if (token != null && options.clock().instant().isBefore(token.expires())) {
            return Optional.of("Bearer " + token.value());
        }
        if (basicOrigins.contains(origin(t.origin()))) {
            return credential(t).map(Credential::authorization);
        }
        return credential(t).filter(Credential::isToken).map(Credential::authorization);
    }

    /** Answers a 401 challenge: remembers Basic, or fetches a Bearer token for the scope. */
    private void authenticate(Target t, String operation, HttpHeaders headers, String scopeKey, String actions) {
        List<Challenge> challenges = Challenge.parse(headers.allValues("WWW-Authenticate"));
        Optional<Credential> credential = credential(t);
        Optional<Challenge> bearer = challenges.stream().filter(c -> c.scheme().equals("bearer")).findFirst();
        if (bearer.isPresent() && credential.map(c -> !c.isToken()).orElse(true)) {
            String scope = bearer.get().parameter("scope").orElse("repository:" + t.path() + ":" + actions);
            tokens.put(scopeKey, fetchToken(t, operation, bearer.get(), scope, credential));
            return;
        }
        if (challenges.stream().anyMatch(c -> c.scheme().equals("basic")) && credential.isPresent()
                && !credential.get().isToken()) {
            basicOrigins.add(origin(t.origin()));
            return;
        }
        throw credential.isPresent() ? refused(t, operation, 401) : new BackendException("registry " + t.registry()
                + " requires credentials to " + operation + " " + t.image() + ", and the credentials source "
                + credentials.name() + " has none for " + t.host() + "; run docker login " + t.host()
                + ", or set SLIPWAY_REGISTRY_USERNAME and SLIPWAY_REGISTRY_PASSWORD");
    }

    private Token fetchToken(Target t, String operation, Challenge challenge, String scope, Optional<Credential> credential) {
        String realmText = challenge.parameter("realm").orElseThrow(() -> new BackendException("registry "
                + t.registry() + " asked for a Bearer token without naming the token service (no realm)"));
        URI realm;
        try {
            realm = URI.create(realmText);
        } catch (IllegalArgumentException e) {
            throw new BackendException("registry " + t.registry() + " names a token service that is not a URL");
        }
        String scheme = realm.getScheme() == null ? "" : realm.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || realm.getRawAuthority() == null) {
            throw new BackendException("registry " + t.registry() + " names a token service that is not an http(s) URL");
        }
        String service = origin(realm) + realm.getRawPath();
        if (credential.isPresent() && scheme.equals("http") && !isLoopback(realm.getRawAuthority())
                && !t.origin().getScheme().equals("http")) {
            throw new BackendException("registry " + t.registry() + " sends credentials to the token service " + service
                    + " over plain http; Slipway refuses to: fix the registry's token realm");
        }
        StringBuilder query = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery());
        challenge.parameter("service").ifPresent(s -> append(query, "service", s));
        for (String s : scope.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                append(query, "scope", s);
            }
        }
        URI uri = URI.create(origin(realm) + (realm.getRawPath() == null ? "" : realm.getRawPath())
                + (query.length() == 0 ? "" : "?" + query));
        String failing = "the token service " + service + " of registry " + t.registry() + " failed to authorize "
                + operation + " " + t.image();
        HttpResponse<byte[]> r = send(() -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.requestTimeout()).GET()
                    .header("User-Agent", "slipway-registry-oci").header("Accept", "application/json");
            if (uri.getScheme().equals("http")) {
                b.version(HttpClient.Version.HTTP_1_1);
            }
            credential.ifPresent(c -> b.header("Authorization", c.authorization()));
            return b.build();
        }, failing);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new BackendException(failing + ": it refused " + (credential.isPresent() ? "the credentials from "
                    + credentials.name() : "anonymous access (the credentials source " + credentials.name()
                    + " has none for " + t.host() + ")") + " (HTTP " + r.statusCode() + "); check them and their"
                    + " permissions for " + t.path());
        }
        if (r.statusCode() != 200) {
            throw new BackendException(failing + ": HTTP " + r.statusCode());
        }
        Map<String, Object> answer;
        try {
            answer = Json.object(new String(r.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BackendException(failing + ": its answer is not a JSON object");
        }
        String token = Json.string(answer, "token").filter(s -> !s.isEmpty())
                .or(() -> Json.string(answer, "access_token").filter(s -> !s.isEmpty()))
                .orElseThrow(() -> new BackendException(failing + ": its answer holds no token"));
        long lifetime = 60;
        if (answer.get("expires_in") instanceof java.math.BigDecimal seconds && seconds.signum() > 0) {
            lifetime = seconds.min(java.math.BigDecimal.valueOf(86_400)).longValue();
        }
        // renew a little early: the token must not expire between the check and the request
        long margin = Math.min(10, lifetime / 2);
        return new Token(token, options.clock().instant().plusSeconds(lifetime - margin));
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private BackendException refused(Target t, String operation, int status) {
        return new BackendException("registry " + t.registry() + " refused the credentials from " + credentials.name()
                + " to " + operation + " " + t.image() + " (HTTP " + status + "); check them and their permissions");
    }

    private BackendException failure(Target t, String operation, Response r) {
        List<String> codes = errorCodes(r);
        String detail = errorDetail(r);
        String advice = switch (r.status()) {
            case 403 -> "; the credentials from " + credentials.name() + " lack the permission";
            case 500, 502, 503, 504 -> "; retry later";
            default -> "";
        };
        return new BackendException("registry " + t.registry() + " failed to " + operation + " " + t.image() + ": HTTP "
                + r.status() + (codes.isEmpty() ? "" : " " + String.join(", ", codes)) + detail + advice);
    }

    /** The error codes of a distribution API error body ({@code {"errors":[{"code":...}]}}). */
    private static List<String> errorCodes(Response r) {
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> e : errors(r)) {
            Json.string(e, "code").ifPresent(codes::add);
        }
        return codes;
    }

    private static String errorDetail(Response r) {
        List<String> messages = new ArrayList<>();
        for (Map<String, Object> e : errors(r)) {
            Json.string(e, "message").ifPresent(messages::add);
        }
        String text = String.join("; ", messages);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "...";
        }
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Response r) {
        if (r.body().length == 0) {
            return List.of();
        }
        try {
            Map<String, Object> body = Json.object(new String(r.body(), StandardCharsets.UTF_8));
            List<Map<String, Object>> out = new ArrayList<>();
            if (body.get("errors") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        out.add((Map<String, Object>) m);
                    }
                }
            }
            return out;
        } catch (IllegalArgumentException | SlipwayException e) {
            return List.of();
        }
    }
}
