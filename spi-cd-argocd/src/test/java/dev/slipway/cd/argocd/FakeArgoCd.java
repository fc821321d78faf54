package dev.slipway.cd.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdCondition;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdOperation;
import dev.slipway.tck.cd.CdWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A fake Argo CD API server on 127.0.0.1 (JDK {@code HttpServer}) that plays scripted applications the way
 * Argo CD v3 answers: the {@code v1alpha1Application} JSON, bearer tokens and session logins, the project
 * and namespace rules of {@code getAppEnforceRBAC} (with a project: 404 for a missing application or one of
 * another project; without: 403), sync windows (403 "cannot sync: blocked by sync window"), operations in
 * progress and auto-sync refusals (400), and transient 503s as a proxy sends them. It records every exchange,
 * so tests can check what the adapter sent against the API contract.
 */
final class FakeArgoCd implements CdWorld {

    /** The token the fake accepts. */
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.fake-argocd-token.s3cr3t-signature";
    /** The project applications belong to unless told otherwise. */
    static final String PROJECT = "default";
    /** The namespace applications live in unless told otherwise. */
    static final String NAMESPACE = "argocd";

    private static final Pattern APPLICATION = Pattern.compile("/api/v1/applications/([^/]+)");
    private static final Pattern SYNC = Pattern.compile("/api/v1/applications/([^/]+)/sync");

    /** One request and the status it was answered with. */
    record Exchange(String method, String path, Map<String, List<String>> query, String body, int status,
            String response) {
    }

    private record Step(Advance on, CdAppState state) {
    }

    /** One scripted application. */
    private static final class App {
        CdAppState current;
        final Deque<Step> next = new ArrayDeque<>();
        String project = PROJECT;
        String namespace = NAMESPACE;
        boolean frozen;
        boolean denied;
        int busy;
        int faults;
        List<CdDeployment> history = List.of();
        final List<Optional<String>> syncs = new ArrayList<>();
        final List<Boolean> refreshes = new ArrayList<>();

        App(CdAppState state) {
            this.current = state;
        }

        void advance(Advance event) {
            Step step = next.peek();
            if (step != null && step.on() == event) {
                next.poll();
                current = step.state();
            }
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Set<String> sessions = new HashSet<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private boolean rejectAll;
    private boolean stopped;
    private int faultsForAll;
    private String username;
    private String password;
    private int sessionCount;

    private FakeArgoCd(SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a fake on a free port of 127.0.0.1.
     *
     * @return the running fake
     */
    static FakeArgoCd start() {
        try {
            return new FakeArgoCd(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a fake that speaks TLS with the certificate of an SSL context.
     *
     * @param tls the server's SSL context
     * @return the running fake
     */
    static FakeArgoCd startTls(SSLContext tls) {
        try {
            return new FakeArgoCd(tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fake's address: {@code http://127.0.0.1:PORT} (https for a TLS fake). */
    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The fake's {@code host:port}. */
    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ CdWorld

    @Override
    public void report(CdAppState state) {
        synchronized (lock) {
            App app = apps.get(state.name());
            if (app == null) {
                apps.put(state.name(), new App(state));
            } else {
                app.current = state;
                app.next.clear();
            }
        }
    }

    @Override
    public void play(Advance on, CdAppState state) {
        synchronized (lock) {
            app(state.name()).next.add(new Step(on, state));
        }
    }

    @Override
    public void history(String app, List<CdDeployment> deployments) {
        synchronized (lock) {
            app(app).history = List.copyOf(deployments);
        }
    }

    @Override
    public void syncWindow(String app, boolean closed) {
        synchronized (lock) {
            app(app).frozen = closed;
        }
    }

    @Override
    public void busy(String app, int syncs) {
        synchronized (lock) {
            app(app).busy = syncs;
        }
    }

    @Override
    public void failTransiently(String app, int calls) {
        synchronized (lock) {
            app(app).faults = calls;
        }
    }

    @Override
    public void rejectCredentials() {
        synchronized (lock) {
            rejectAll = true;
        }
    }

    @Override
    public List<Optional<String>> syncRequests(String app) {
        synchronized (lock) {
            return List.copyOf(app(app).syncs);
        }
    }

    @Override
    public List<Boolean> refreshRequests(String app) {
        synchronized (lock) {
            return List.copyOf(app(app).refreshes);
        }
    }

    // ------------------------------------------------------------------ Argo CD specifics

    /** Puts an application into another project. */
    void project(String app, String project) {
        synchronized (lock) {
            app(app).project = project;
        }
    }

    /** Puts an application into another namespace. */
    void namespace(String app, String namespace) {
        synchronized (lock) {
            app(app).namespace = namespace;
        }
    }

    /** Denies every call about an application (403), as RBAC does for an account without permission. */
    void deny(String app) {
        synchronized (lock) {
            app(app).denied = true;
        }
    }

    /** Accepts session logins with this user and password. */
    void login(String user, String secret) {
        synchronized (lock) {
            this.username = user;
            this.password = secret;
        }
    }

    /** Ends every session: their tokens are rejected from now on (as after a restart with a new key). */
    void expireSessions() {
        synchronized (lock) {
            sessions.clear();
        }
    }

    /** Answers the next requests, whatever they ask, with 503. */
    void failAll(int calls) {
        synchronized (lock) {
            faultsForAll = calls;
        }
    }

    /** Every exchange so far. */
    List<Exchange> exchanges() {
        synchronized (lock) {
            return List.copyOf(exchanges);
        }
    }

    private App app(String name) {
        App app = apps.get(name);
        if (app == null) {
            throw new IllegalStateException("no application " + name + " scripted; report() it first");
        }
        return app;
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Reply reply;
            synchronized (lock) {
                reply = answer(method, path, query, body, exchange.getRequestHeaders().getFirst("Authorization"));
                exchanges.add(new Exchange(method, path, query, body, reply.status(), reply.body()));
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private record Reply(int status, String body, String contentType) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, body.toString(), "application/json");
        }
    }

    private Reply error(int status, int code, String message) {
        ObjectNode e = json.createObjectNode();
        e.put("error", message);
        e.put("code", code);
        e.put("message", message);
        e.set("details", json.createArrayNode());
        return Reply.json(status, e);
    }

    private Reply answer(String method, String path, Map<String, List<String>> query, String body, String authorization) {
        if (faultsForAll > 0) {
            faultsForAll--;
            return unavailable();
        }
        if (path.equals("/api/v1/session")) {
            return session(method, body, authorization);
        }
        Matcher sync = SYNC.matcher(path);
        Matcher application = APPLICATION.matcher(path);
        String name = sync.matches() ? sync.group(1) : application.matches() ? application.group(1) : null;
        if (name == null || !(sync.matches() ? method.equals("POST") : method.equals("GET"))) {
            return new Reply(404, "404 page not found\n", "text/plain; charset=utf-8");
        }
        App app = apps.get(name);
        if (app != null && app.faults > 0) {
            app.faults--;
            return unavailable();
        }
        if (!authorized(authorization)) {
            return rejectAll ? error(401, 16, "invalid session: token signature is invalid")
                    : error(401, 16, "no session information");
        }
        Optional<String> project;
        String namespace;
        if (sync.matches()) {
            JsonNode request;
            try {
                request = json.readTree(body);
            } catch (IOException e) {
                return error(400, 3, "invalid character in request body");
            }
            project = Optional.ofNullable(request.path("project").textValue());
            namespace = Optional.ofNullable(request.path("appNamespace").textValue()).orElse(NAMESPACE);
            Reply missing = lookUp(app, name, project, namespace);
            if (missing != null) {
                return missing;
            }
            return sync(app, name, Optional.ofNullable(request.path("revision").textValue()).filter(r -> !r.isEmpty()));
        }
        project = first(query, "project");
        namespace = first(query, "appNamespace").orElse(NAMESPACE);
        Reply missing = lookUp(app, name, project, namespace);
        if (missing != null) {
            return missing;
        }
        Optional<String> refresh = first(query, "refresh");
        if (refresh.isPresent()) {
            app.refreshes.add(refresh.get().equals("hard"));
            app.advance(Advance.REFRESH);
        }
        CdAppState shown = app.current;
        app.advance(Advance.READ);
        return Reply.json(200, application(app, shown, false));
    }

    /** Argo CD's getAppEnforceRBAC: with a project, 404 for missing or foreign applications; without, 403. */
    private Reply lookUp(App app, String name, Optional<String> project, String namespace) {
        boolean exists = app != null && app.namespace.equals(namespace);
        if (!exists) {
            return project.isPresent()
                    ? error(404, 5, "applications.argoproj.io \"" + name + "\" not found")
                    : error(403, 7, "permission denied");
        }
        if (app.denied) {
            return error(403, 7, "permission denied");
        }
        if (project.isPresent() && !project.get().equals(app.project)) {
            return error(404, 5, "applications.argoproj.io \"" + name + "\" not found");
        }
        return null;
    }

    private Reply sync(App app, String name, Optional<String> revision) {
        if (app.frozen) {
            return error(403, 7, "cannot sync: blocked by sync window");
        }
        if (revision.isPresent() && app.current.autoSync() && !revision.get().equals("HEAD")) {
            return error(400, 9, "Cannot sync to " + revision.get() + ": auto-sync currently set to HEAD");
        }
        if (app.busy > 0) {
            app.busy--;
            return error(400, 9, "another operation is already in progress");
        }
        app.syncs.add(revision);
        app.advance(Advance.SYNC);
        return Reply.json(200, application(app, app.current, true));
    }

    private Reply session(String method, String body, String authorization) {
        if (method.equals("DELETE")) {
            String presented = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
            sessions.remove(presented);
            return Reply.json(200, json.createObjectNode().put("token", ""));
        }
        if (!method.equals("POST")) {
            return new Reply(404, "404 page not found\n", "text/plain; charset=utf-8");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return error(400, 3, "invalid character in request body");
        }
        if (username == null || !username.equals(request.path("username").textValue())
                || !password.equals(request.path("password").textValue())) {
            return error(401, 16, "Invalid username or password");
        }
        String token = "session-" + (++sessionCount) + "-" + Integer.toHexString(password.hashCode());
        sessions.add(token);
        return Reply.json(200, json.createObjectNode().put("token", token));
    }

    private boolean authorized(String authorization) {
        if (rejectAll || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String presented = authorization.substring("Bearer ".length());
        return presented.equals(TOKEN) || sessions.contains(presented);
    }

    private static Reply unavailable() {
        return new Reply(503, "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                "text/plain");
    }

    // ------------------------------------------------------------------ the Application's JSON

    /** A v1alpha1Application as Argo CD v3 serves it. */
    private ObjectNode application(App app, CdAppState state, boolean withOperation) {
        boolean multi = state.revisions().size() > 1;
        ObjectNode root = json.createObjectNode();
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", state.name());
        metadata.put("namespace", app.namespace);
        metadata.put("uid", "6f1f2c3e-0000-4000-8000-" + String.format("%012x", Math.abs(state.name().hashCode())));
        metadata.put("resourceVersion", String.valueOf(1000 + exchanges.size()));
        metadata.put("generation", 7);
        metadata.put("creationTimestamp", "2025-11-01T09:00:00Z");
        ObjectNode spec = root.putObject("spec");
        spec.put("project", app.project);
        if (multi) {
            ArrayNode sources = spec.putArray("sources");
            sources.addObject().put("repoURL", "https://charts.example.com").put("chart", "web")
                    .put("targetRevision", "4.x");
            sources.addObject().put("repoURL", "https://github.com/acme/platform.git")
                    .put("path", "kubernetes/staging/" + state.name()).put("targetRevision", "HEAD");
        } else {
            spec.putObject("source").put("repoURL", "https://github.com/acme/platform.git")
                    .put("path", "kubernetes/staging/" + state.name()).put("targetRevision", "HEAD");
        }
        spec.putObject("destination").put("server", "https://kubernetes.default.svc").put("namespace", "web");
        ObjectNode policy = spec.putObject("syncPolicy");
        policy.putArray("syncOptions").add("CreateNamespace=true");
        if (state.autoSync()) {
            policy.putObject("automated").put("prune", true).put("selfHeal", true);
        }
        if (withOperation) {
            ObjectNode operation = root.putObject("operation");
            operation.putObject("sync").put("revision", "HEAD");
            operation.putObject("initiatedBy").put("username", "slipway");
        }
        ObjectNode status = root.putObject("status");
        ObjectNode sync = status.putObject("sync");
        sync.put("status", state.sync().wireName());
        if (multi) {
            ArrayNode revisions = sync.putArray("revisions");
            state.revisions().forEach(revisions::add);
        } else {
            state.revision().ifPresent(r -> sync.put("revision", r));
        }
        sync.putObject("comparedTo").set("destination", spec.get("destination").deepCopy());
        ObjectNode health = status.putObject("health");
        health.put("status", state.health().wireName());
        health.put("lastTransitionTime", "2026-03-01T11:00:00Z");
        state.operation().ifPresent(o -> status.set("operationState", operationState(o)));
        state.reconciledAt().ifPresent(t -> status.put("reconciledAt", t.toString()));
        status.put("observedAt", "2026-03-01T11:00:00Z");
        status.put("sourceType", "Helm");
        status.put("controllerNamespace", "argocd");
        ArrayNode images = status.putObject("summary").putArray("images");
        state.images().forEach(images::add);
        if (!state.conditions().isEmpty()) {
            ArrayNode conditions = status.putArray("conditions");
            for (CdCondition c : state.conditions()) {
                ObjectNode node = conditions.addObject().put("type", c.type()).put("message", c.message());
                c.lastTransitionTime().ifPresent(t -> node.put("lastTransitionTime", t.toString()));
            }
        }
        if (!app.history.isEmpty()) {
            ArrayNode history = status.putArray("history");
            for (CdDeployment d : app.history) {
                ObjectNode h = history.addObject();
                h.put("id", d.id());
                if (d.revisions().size() > 1) {
                    ArrayNode revisions = h.putArray("revisions");
                    d.revisions().forEach(revisions::add);
                } else {
                    d.revision().ifPresent(r -> h.put("revision", r));
                }
                d.deployStartedAt().ifPresent(t -> h.put("deployStartedAt", t.toString()));
                h.put("deployedAt", d.deployedAt().toString());
                ObjectNode by = h.putObject("initiatedBy");
                d.initiatedBy().ifPresent(u -> by.put("username", u));
                if (d.automated()) {
                    by.put("automated", true);
                }
                h.putObject("source").put("repoURL", "https://github.com/acme/platform.git")
                        .put("targetRevision", "HEAD");
            }
        }
        status.putArray("resources").addObject().put("group", "apps").put("version", "v1").put("kind", "Deployment")
                .put("namespace", "web").put("name", "web").put("status", state.sync().wireName());
        return root;
    }

    private ObjectNode operationState(CdOperation o) {
        ObjectNode node = json.createObjectNode();
        ObjectNode sync = node.putObject("operation").putObject("sync");
        if (o.revisions().size() > 1) {
            ArrayNode revisions = sync.putArray("revisions");
            o.revisions().forEach(revisions::add);
        } else {
            o.revision().ifPresent(r -> sync.put("revision", r));
        }
        node.put("phase", o.phase().wireName());
        if (!o.message().isEmpty()) {
            node.put("message", o.message());
        }
        o.startedAt().ifPresent(t -> node.put("startedAt", t.toString()));
        o.finishedAt().ifPresent(t -> node.put("finishedAt", t.toString()));
        if (o.phase().isCompleted()) {
            ObjectNode result = node.putObject("syncResult");
            if (o.revisions().size() > 1) {
                ArrayNode revisions = result.putArray("revisions");
                o.revisions().forEach(revisions::add);
            } else {
                o.revision().ifPresent(r -> result.put("revision", r));
            }
            result.putArray("resources");
        }
        return node;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> query, String key) {
        return Optional.ofNullable(query.get(key)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }
}
