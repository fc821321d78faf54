package dev.slipway.registry.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.api.Digest;
import dev.slipway.tck.registry.StoredManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loopback fake of the distribution API's manifest and tag endpoints (JDK HttpServer on 127.0.0.1), with
 * the knobs docker-registry lacks: tag lists paged with {@code Link} headers (relative, absolute, looping, or
 * pointing elsewhere), immutable tags, throttling and server-error bursts, a HEAD without
 * {@code Docker-Content-Digest}, a PUT that reports another digest, and redirects. Records every request.
 */
final class FakeOciServer implements AutoCloseable {

    /** How the next-page Link is written. */
    enum LinkStyle { RELATIVE, ABSOLUTE, LOOP, FOREIGN, NONE }

    /** One request, as received. */
    record Request(String method, String path, String query, Optional<String> authorization, Optional<String> accept,
            Optional<String> contentType) {
    }

    private final HttpServer server;
    private final Map<String, Map<String, StoredManifest>> tags = new HashMap<>();
    private final Set<String> immutable = new HashSet<>();
    private final List<Request> requests = new ArrayList<>();
    private int defaultPageSize = 0;
    private LinkStyle linkStyle = LinkStyle.RELATIVE;
    private int throttle;
    private int unavailable;
    private boolean headWithoutDigest;
    private boolean putReportsOtherDigest;
    private String redirectManifestsTo;

    FakeOciServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://" + host());
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized void put(String repository, String tag, StoredManifest manifest) {
        tags.computeIfAbsent(repository, r -> new TreeMap<>()).put(tag, manifest);
    }

    synchronized Optional<StoredManifest> get(String repository, String tag) {
        return Optional.ofNullable(tags.getOrDefault(repository, Map.of()).get(tag));
    }

    synchronized void immutable(String repository) {
        immutable.add(repository);
        tags.computeIfAbsent(repository, r -> new TreeMap<>());
    }

    synchronized void createRepository(String repository) {
        tags.computeIfAbsent(repository, r -> new TreeMap<>());
    }

    synchronized void pageSize(int n) {
        defaultPageSize = n;
    }

    synchronized void links(LinkStyle style) {
        linkStyle = style;
    }

    /** The next {@code n} requests are answered 429 with {@code Retry-After: 0}. */
    synchronized void throttle(int n) {
        throttle = n;
    }

    /** The next {@code n} requests are answered 503. */
    synchronized void unavailable(int n) {
        unavailable = n;
    }

    synchronized void headWithoutDigest(boolean on) {
        headWithoutDigest = on;
    }

    synchronized void putReportsOtherDigest(boolean on) {
        putReportsOtherDigest = on;
    }

    /** GETs of manifests answer 307 to this origin (same paths), once per request. */
    synchronized void redirectManifestsTo(String origin) {
        redirectManifestsTo = origin;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                respond(exchange);
            }
        }
    }

    private void respond(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        requests.add(new Request(method, path, query == null ? "" : query,
                Optional.ofNullable(x.getRequestHeaders().getFirst("Authorization")),
                Optional.ofNullable(x.getRequestHeaders().getFirst("Accept")),
                Optional.ofNullable(x.getRequestHeaders().getFirst("Content-Type"))));
        byte[] body = x.getRequestBody().readAllBytes();
        if (throttle > 0) {
            throttle--;
            x.getResponseHeaders().add("Retry-After", "0");
            send(x, 429, error("TOOMANYREQUESTS", "slow down"), method);
            return;
        }
        if (unavailable > 0) {
            unavailable--;
            send(x, 503, error("UNAVAILABLE", "try later"), method);
            return;
        }
        if (!path.startsWith("/v2/")) {
            send(x, 404, new byte[0], method);
            return;
        }
        String rest = path.substring(4);
        int manifests = rest.lastIndexOf("/manifests/");
        if (manifests > 0) {
            manifests(x, rest.substring(0, manifests), rest.substring(manifests + "/manifests/".length()), body, path, query);
            return;
        }
        if (rest.endsWith("/tags/list")) {
            tagList(x, rest.substring(0, rest.length() - "/tags/list".length()), query);
            return;
        }
        send(x, 404, new byte[0], method);
    }

    private void manifests(HttpExchange x, String repository, String reference, byte[] body, String path, String query)
            throws IOException {
        String method = x.getRequestMethod();
        Map<String, StoredManifest> repo = tags.get(repository);
        if (method.equals("PUT")) {
            String type = x.getRequestHeaders().getFirst("Content-Type");
            StoredManifest manifest = new StoredManifest(type == null ? "" : type, body);
            Digest digest = Digest.sha256(body);
            StoredManifest existing = repo == null ? null : repo.get(reference);
            if (existing != null && immutable.contains(repository) && !Digest.sha256(existing.bytes()).equals(digest)) {
                send(x, 403, error("DENIED", "The tag " + reference + " is immutable, cannot be overwritten"), method);
                return;
            }
            put(repository, reference, manifest);
            x.getResponseHeaders().add("Docker-Content-Digest",
                    putReportsOtherDigest ? Digest.sha256("other").value() : digest.value());
            x.getResponseHeaders().add("Location", "/v2/" + repository + "/manifests/" + digest);
            send(x, 201, new byte[0], method);
            return;
        }
        if (redirectManifestsTo != null && method.equals("GET") && !"redirected".equals(query)) {
            x.getResponseHeaders().add("Location", redirectManifestsTo + path + "?redirected");
            send(x, 307, new byte[0], method);
            return;
        }
        StoredManifest m = repo == null ? null : repo.get(reference);
        if (m == null) {
            send(x, 404, error("MANIFEST_UNKNOWN", "manifest unknown"), method);
            return;
        }
        x.getResponseHeaders().add("Content-Type", m.mediaType());
        if (!(method.equals("HEAD") && headWithoutDigest)) {
            x.getResponseHeaders().add("Docker-Content-Digest", Digest.sha256(m.bytes()).value());
        }
        send(x, 200, m.bytes(), method);
    }

    private void tagList(HttpExchange x, String repository, String query) throws IOException {
        Map<String, StoredManifest> repo = tags.get(repository);
        if (repo == null) {
            send(x, 404, error("NAME_UNKNOWN", "repository name not known to registry"), "GET");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        int n = params.containsKey("n") ? Integer.parseInt(params.get("n")) : defaultPageSize;
        String last = params.get("last");
        List<String> all = new ArrayList<>(repo.keySet());
        List<String> page = new ArrayList<>();
        for (String tag : all) {
            if (last == null || tag.compareTo(last) > 0) {
                page.add(tag);
            }
        }
        boolean more = n > 0 && page.size() > n;
        if (more) {
            page = page.subList(0, n);
        }
        if ((more || linkStyle == LinkStyle.LOOP) && linkStyle != LinkStyle.NONE && !page.isEmpty()) {
            String next = "/v2/" + repository + "/tags/list?n=" + (n > 0 ? n : 100) + "&last=" + page.get(page.size() - 1);
            String link = switch (linkStyle) {
                case RELATIVE -> next;
                case ABSOLUTE -> url() + next;
                case LOOP -> "/v2/" + repository + "/tags/list" + (query == null ? "" : "?" + query);
                case FOREIGN -> "http://registry.invalid" + next;
                case NONE -> throw new IllegalStateException();
            };
            x.getResponseHeaders().add("Link", "<" + link + ">; rel=\"next\"");
        }
        StringBuilder json = new StringBuilder("{\"name\":\"" + repository + "\",\"tags\":");
        if (page.isEmpty()) {
            json.append("null");
        } else {
            json.append('[');
            for (int i = 0; i < page.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(page.get(i)).append('"');
            }
            json.append(']');
        }
        json.append('}');
        x.getResponseHeaders().add("Content-Type", "application/json");
        send(x, 200, json.toString().getBytes(StandardCharsets.UTF_8), "GET");
    }

    private static byte[] error(String code, String message) {
        return ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange x, int status, byte[] body, String method) throws IOException {
        if (method.equals("HEAD") || body.length == 0) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
