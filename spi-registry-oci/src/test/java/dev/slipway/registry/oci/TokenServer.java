package dev.slipway.registry.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bearer token service on 127.0.0.1 (JDK HttpServer), as registries' {@code realm} points to: checks Basic
 * credentials (when it has any), records each request's service and scopes, and issues numbered tokens.
 */
final class TokenServer implements AutoCloseable {

    /** One token request, as received. */
    record Request(String service, List<String> scopes, boolean authenticated) {
    }

    private final HttpServer server;
    private final String user;
    private final String password;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();

    TokenServer(String user, String password) {
        this.user = user;
        this.password = password;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", this::handle);
        server.start();
    }

    URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String service = null;
        List<String> scopes = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("service")) {
                    service = value;
                } else if (name.equals("scope")) {
                    scopes.add(value);
                }
            }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        boolean authenticated = expected.equals(authorization);
        synchronized (this) {
            requests.add(new Request(service, scopes, authenticated));
        }
        byte[] body;
        int status;
        if (!authenticated) {
            status = 401;
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            body = ("{\"token\":\"tok-" + issued.incrementAndGet() + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
