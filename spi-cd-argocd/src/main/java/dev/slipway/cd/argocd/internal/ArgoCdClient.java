package dev.slipway.cd.argocd.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.CdAppNotFoundException;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdAuthenticationException;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdFrozenException;
import dev.slipway.spi.CdLiveness;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.RevisionLineage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A {@link CdClient} on the Argo CD REST API ({@code /api/v1}), as the {@code argocd} CLI reaches it:
 * bearer token from {@code ARGOCD_AUTH_TOKEN} (or a session login with {@code ARGOCD_USERNAME} and
 * {@code ARGOCD_PASSWORD}), the project and application namespace on every call, TLS verified unless
 * {@code insecure}, a time limit on every call, bounded retries with back-off on 5xx answers and
 * connection faults.
 */
public final class ArgoCdClient implements CdClient {

    private static final System.Logger LOG = System.getLogger(ArgoCdClient.class.getName());

    /** The environment variable of the server, as the {@code argocd} CLI reads it. */
    public static final String ENV_SERVER = "ARGOCD_SERVER";
    /** The environment variable of the token, as the {@code argocd} CLI reads it. */
    public static final String ENV_TOKEN = "ARGOCD_AUTH_TOKEN";
    /** The environment variable of the user for a session login. */
    public static final String ENV_USERNAME = "ARGOCD_USERNAME";
    /** The environment variable of the password for a session login. */
    public static final String ENV_PASSWORD = "ARGOCD_PASSWORD";

    static final String APPLICATION = "/api/v1/applications/{name}";
    static final String SYNC = "/api/v1/applications/{name}/sync";
    static final String SESSION = "/api/v1/session";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    private static final String HOW_TO_GET_A_TOKEN = "set " + ENV_TOKEN + " to a token of an account that may read"
            + " and sync the applications (argocd account generate-token --account <account>, or the token the"
            + " argocd CLI stores after argocd login), or set " + ENV_USERNAME + " and " + ENV_PASSWORD
            + " for a session login";

    private final CdSettings settings;
    private final ServerAddress server;
    private final String serverSource;
    private final Optional<String> token;
    private final Optional<String> username;
    private final Optional<String> password;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<String> fieldsRead = ConcurrentHashMap.newKeySet();
    private final Object sessionLock = new Object();
    private volatile String sessionToken;
    private volatile boolean closed;

    private ArgoCdClient(CdSettings settings, ServerAddress server, String serverSource, Optional<String> token,
            Optional<String> username, Optional<String> password, HttpClient http) {
        this.settings = settings;
        this.server = server;
        this.serverSource = serverSource;
        this.token = token;
        this.username = username;
        this.password = password;
        this.http = http;
    }

    /**
     * Opens a client: reads the server and the credentials, builds the HTTP client; no network I/O.
     *
     * @param settings the settings
     * @return the client
     * @throws InvalidInputException if there is no server or no credentials, or the server is malformed
     */
    public static ArgoCdClient open(CdSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String source = settings.server().isPresent() ? "cd.server" : ENV_SERVER;
        String serverText = settings.server().or(() -> settings.env(ENV_SERVER)).orElseThrow(() ->
                new InvalidInputException("cd.server", "no Argo CD server: set cd.server in slipway.yaml"
                        + " (host[:port] or a URL) or the " + ENV_SERVER + " environment variable"));
        ServerAddress server = ServerAddress.parse(serverText, settings.plaintext(), source);
        if (settings.plaintext() && settings.insecure()) {
            throw new InvalidInputException("cd.insecure", "cd.plaintext and cd.insecure exclude each other: plaintext"
                    + " uses no TLS, insecure uses TLS without verifying the certificate; keep one");
        }
        Optional<String> token = settings.env(ENV_TOKEN).map(String::strip);
        Optional<String> username = settings.env(ENV_USERNAME);
        Optional<String> password = settings.env(ENV_PASSWORD);
        if (token.isEmpty() && (username.isEmpty() || password.isEmpty())) {
            throw new InvalidInputException(ENV_TOKEN, "no Argo CD credentials for " + server + ": " + HOW_TO_GET_A_TOKEN);
        }
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.callTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (server.tls() && settings.insecure()) {
            http.sslContext(trustingEveryCertificate());
        }
        return new ArgoCdClient(settings, server, source, token, username, password, http.build());
    }

    /**
     * The field paths of the API's responses this client has read so far, each as {@code METHOD PATH
     * RESPONSE FIELD} (the adapter's own account of what it reads, for the contract check).
     *
     * @return the field paths, sorted
     */
    public Set<String> fieldsRead() {
        return new TreeSet<>(fieldsRead);
    }

    // ---------------------------------------------------------------------------------------- operations

    @Override
    public CdAppState state(String app) {
        CdClient.checkAppName(app);
        return ArgoJson.state(app, application(app, Optional.empty()));
    }

    @Override
    public CdAppState refresh(String app, boolean hard) {
        CdClient.checkAppName(app);
        return ArgoJson.state(app, application(app, Optional.of(hard ? "hard" : "normal")));
    }

    @Override
    public List<CdDeployment> history(String app) {
        CdClient.checkAppName(app);
        return ArgoJson.history(application(app, Optional.empty()));
    }

    @Override
    public CdAppState awaitLive(String app, CommitId commit, Instant deadline, RevisionLineage lineage) {
        return CdLiveness.await(this, app, commit, deadline, lineage, settings);
    }

    @Override
    public void sync(String app, Optional<String> revision) {
        CdClient.checkAppName(app);
        Objects.requireNonNull(revision, "revision");
        ObjectNode body = mapper.createObjectNode();
        body.put("name", app);
        settings.appNamespace().ifPresent(ns -> body.put("appNamespace", ns));
        settings.project().ifPresent(p -> body.put("project", p));
        revision.ifPresent(r -> body.put("revision", r));
        Call call = new Call("POST", SYNC, app, "", Optional.of(body), "sync");
        Instant giveUp = settings.clock().instant().plus(settings.busyTimeout());
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            Answer answer = send(call);
            if (answer.status() == 200) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: sync of " + app + " started"
                        + revision.map(r -> " at " + r).orElse(""));
                return;
            }
            String message = errorMessage(answer, call);
            String lower = message.toLowerCase(Locale.ROOT);
            if (answer.status() == 400 && lower.contains("another operation is already in progress")) {
                if (answer.faultsBefore() > 0) {
                    // an earlier attempt may have reached the server before its answer was lost: the operation
                    // that runs now is most likely the sync asked for
                    LOG.log(System.Logger.Level.INFO, "Argo CD: a sync of " + app + " runs after a lost answer;"
                            + " taking it as the one asked for");
                    return;
                }
                Instant now = settings.clock().instant();
                if (!now.isBefore(giveUp)) {
                    throw new BackendException("cannot sync Argo CD application " + app + " at " + server
                            + ": another operation has been in progress for " + settings.busyTimeout()
                            + "; wait for it to end or terminate it (argocd app terminate-op " + app + ")");
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: another operation runs on " + app + "; retrying the sync");
                Duration left = Duration.between(now, giveUp);
                CdLiveness.pause(settings.sleeper(), left.compareTo(pause) < 0 ? left : pause);
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(settings.pollInterval()) > 0 ? settings.pollInterval() : doubled;
                continue;
            }
            if (answer.status() == 400 && revision.isPresent() && lower.contains("auto-sync")) {
                throw new InvalidInputException(revision.get(), "Argo CD refuses to sync application " + app + " to "
                        + revision.get() + ": " + message + "; with auto-sync on, Argo CD syncs the target revision"
                        + " itself: sync without a revision (or turn auto-sync off)");
            }
            throw failure(answer, call, message);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        String session;
        synchronized (sessionLock) {
            session = sessionToken;
            sessionToken = null;
        }
        if (session != null) {
            // best effort: end the session this client opened
            try {
                HttpRequest request = HttpRequest.newBuilder(server.resolve(SESSION, "")).timeout(settings.callTimeout())
                        .header("Authorization", "Bearer " + session).header("Accept", "application/json")
                        .DELETE().build();
                http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: could not end the session: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The server and settings, never the credentials.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "ArgoCdClient[server=" + server + " (from " + serverSource + "), project="
                + settings.project().orElse("(none)") + ", appNamespace=" + settings.appNamespace().orElse("(default)")
                + ", insecure=" + settings.insecure() + ", credentials="
                + (token.isPresent() ? ENV_TOKEN : ENV_USERNAME + "/" + ENV_PASSWORD + " session") + "]";
    }

    // ---------------------------------------------------------------------------------------- HTTP

    /** A call to the API. */
    private record Call(String method, String template, String app, String query, Optional<ObjectNode> body,
            String what) {

        String path() {
            return template.replace("{name}", app);
        }

        String endpoint() {
            return method + " " + template;
        }
    }

    /** An answer, with the number of transient faults met before it. */
    private record Answer(int status, String body, URI uri, int faultsBefore) {
    }

    /** GET /api/v1/applications/{name}, with refresh when asked; the application's JSON. */
    private Json application(String app, Optional<String> refresh) {
        List<String> query = new ArrayList<>();
        refresh.ifPresent(r -> query.add("refresh=" + r));
        settings.appNamespace().ifPresent(ns -> query.add("appNamespace=" + encode(ns)));
        settings.project().ifPresent(p -> query.add("project=" + encode(p)));
        Call call = new Call("GET", APPLICATION, app, String.join("&", query), Optional.empty(),
                refresh.isPresent() ? "refresh" : "read");
        Answer answer = send(call);
        if (answer.status() != 200) {
            throw failure(answer, call, errorMessage(answer, call));
        }
        return parse(answer, call);
    }

    private Json parse(Answer answer, Call call) {
        try {
            return Json.root(mapper.readTree(answer.body()), call.endpoint() + " 200", fieldsRead);
        } catch (JsonProcessingException e) {
            throw new BackendException("Argo CD at " + server + " answered " + call.what() + " of " + call.app()
                    + " with something that is not JSON (" + e.getOriginalMessage() + "); is " + serverSource
                    + " the Argo CD API server?");
        }
    }

    /** Sends a call, retrying transient faults; gives the first answer that is not a transient fault. */
    private Answer send(Call call) {
        if (closed) {
            throw new IllegalStateException("this Argo CD client is closed");
        }
        URI uri = server.resolve(call.path(), call.query());
        boolean relogged = false;
        String lastFault = "";
        for (int attempt = 0; ; attempt++) {
            Duration retryAfter = Duration.ZERO;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.callTimeout())
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + bearer());
                if (call.body().isPresent()) {
                    request.header("Content-Type", "application/json")
                            .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().get().toString()));
                } else {
                    request.method(call.method(), HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: " + call.method() + " " + uri + " -> " + status);
                if (status == 401 && sessionLogin() && !relogged) {
                    // the session token expired: log in again once
                    relogged = true;
                    synchronized (sessionLock) {
                        sessionToken = null;
                    }
                    attempt--;
                    continue;
                }
                if (status < 500 || status == 501) {
                    return new Answer(status, response.body(), uri, attempt);
                }
                lastFault = "HTTP " + status + " " + oneLine(scrub(response.body()), 120);
                retryAfter = retryAfter(response);
            } catch (SSLHandshakeException e) {
                throw tlsFailure(e);
            } catch (SSLException e) {
                if (attempt >= settings.retries()) {
                    throw tlsFailure(e);
                }
                lastFault = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (HttpTimeoutException e) {
                lastFault = "no answer within " + settings.callTimeout();
            } catch (IOException e) {
                lastFault = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while calling Argo CD at " + server, e);
            }
            if (attempt >= settings.retries()) {
                throw new BackendException("Argo CD at " + server + " failed to " + call.what() + " application "
                        + call.app() + " " + (attempt + 1) + " times (last: " + lastFault + "); check that the server is"
                        + " up and reachable (" + serverSource + ")");
            }
            Duration backoff = backoff(attempt);
            Duration pause = retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
            String fault = lastFault;
            LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: " + call.what() + " of " + call.app() + " met a transient"
                    + " fault (" + fault + "); retrying in " + pause);
            CdLiveness.pause(settings.sleeper(), pause);
        }
    }

    private static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty() || !header.get().strip().matches("[0-9]{1,6}")) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofSeconds(Long.parseLong(header.get().strip()));
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private boolean sessionLogin() {
        return token.isEmpty();
    }

    /** The token to send: the configured one, or a session's (logging in first when needed). */
    private String bearer() {
        if (token.isPresent()) {
            return token.get();
        }
        synchronized (sessionLock) {
            if (sessionToken == null) {
                sessionToken = login();
            }
            return sessionToken;
        }
    }

    /** POST /api/v1/session with the username and password: a session token. */
    private String login() {
        ObjectNode body = mapper.createObjectNode();
        body.put("username", username.orElseThrow());
        body.put("password", password.orElseThrow());
        URI uri = server.resolve(SESSION, "");
        Call call = new Call("POST", SESSION, "(session)", "", Optional.of(body), "log in to");
        for (int attempt = 0; ; attempt++) {
            String fault;
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.callTimeout())
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                LOG.log(System.Logger.Level.DEBUG, () -> "Argo CD: POST " + uri + " -> " + status);
                Answer answer = new Answer(status, response.body(), uri, attempt);
                if (status == 200) {
                    Optional<String> session = parse(answer, call).get("token").text();
                    return session.orElseThrow(() -> new BackendException("Argo CD at " + server
                            + " answered the session login without a token"));
                }
                if (status == 401 || status == 403) {
                    throw new CdAuthenticationException("Argo CD at " + server + " rejected the session login of the user"
                            + " in " + ENV_USERNAME + " (" + status + ": " + errorMessage(answer, call) + "); check "
                            + ENV_USERNAME + " and " + ENV_PASSWORD + ", or " + HOW_TO_GET_A_TOKEN);
                }
                if (status < 500 || status == 501) {
                    throw new BackendException("Argo CD at " + server + " refused the session login (" + status + ": "
                            + errorMessage(answer, call) + ")");
                }
                fault = "HTTP " + status;
            } catch (SSLHandshakeException e) {
                throw tlsFailure(e);
            } catch (IOException e) {
                fault = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while logging in to Argo CD at " + server, e);
            }
            if (attempt >= settings.retries()) {
                throw new BackendException("Argo CD at " + server + " failed the session login " + (attempt + 1)
                        + " times (last: " + fault + "); check that the server is up and reachable (" + serverSource + ")");
            }
            CdLiveness.pause(settings.sleeper(), backoff(attempt));
        }
    }

    // ---------------------------------------------------------------------------------------- errors

    /** The message of an error answer ({@code runtimeError.message}, else {@code error}, else the body). */
    private String errorMessage(Answer answer, Call call) {
        String body = answer.body() == null ? "" : answer.body();
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.isObject()) {
                Json error = Json.root(node, call.endpoint() + " default", fieldsRead);
                Optional<String> message = error.get("message").text().or(() -> error.get("error").text());
                if (message.isPresent()) {
                    return oneLine(scrub(message.get()), 500);
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: a proxy's page; quote its start
        }
        return body.isBlank() ? "no message" : oneLine(scrub(body), 200);
    }

    /** Whether an error answer is the API's own (a JSON {@code runtimeError}), not a proxy's page. */
    private boolean apiError(Answer answer) {
        try {
            JsonNode node = mapper.readTree(answer.body() == null ? "" : answer.body());
            return node != null && node.isObject() && (node.has("code") || node.has("message") || node.has("error"));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The exception for an answer that is not a success. */
    private RuntimeException failure(Answer answer, Call call, String message) {
        String app = call.app();
        String where = settings.project().map(p -> " in project " + p).orElse("")
                + settings.appNamespace().map(ns -> " (namespace " + ns + ")").orElse("");
        switch (answer.status()) {
            case 401:
                return new CdAuthenticationException("Argo CD at " + server + " rejected the credentials (401: " + message
                        + "); " + HOW_TO_GET_A_TOKEN);
            case 403:
                if (call.template().equals(SYNC) && message.toLowerCase(Locale.ROOT).contains("sync window")) {
                    return new CdFrozenException(app, "cannot sync Argo CD application " + app + ": " + message
                            + "; wait until the sync window allows it (argocd proj windows list " + settings.project()
                            .orElse("<project>") + ")");
                }
                if (settings.project().isPresent()) {
                    return new BackendException("Argo CD at " + server + " denied the " + call.what() + " of application "
                            + app + where + " (403: " + message + "); the token's account needs the RBAC permission"
                            + " 'applications, " + (call.template().equals(SYNC) ? "sync" : "get") + ", "
                            + settings.project().get() + "/" + app + "'");
                }
                return new BackendException("Argo CD at " + server + " answered 'permission denied' to the " + call.what()
                        + " of application " + app + ": either it does not exist or the token's account may not "
                        + (call.template().equals(SYNC) ? "sync" : "read") + " it (without a project, Argo CD does not"
                        + " say which); set cd.project in slipway.yaml so that a missing application is reported as"
                        + " missing");
            case 404:
                if (!apiError(answer)) {
                    return new BackendException("Argo CD at " + server + " answered 404 to " + call.method() + " "
                            + call.path() + " without an API error; is " + serverSource + " (" + server
                            + ") the Argo CD API server, with its root path?");
                }
                return new CdAppNotFoundException(app, "Argo CD at " + server + " has no application " + app + where
                        + (settings.project().isPresent() ? " (or it belongs to another project)" : "") + ": " + message
                        + "; check services[].cd, cd.project and cd.app-namespace in slipway.yaml");
            default:
                return new BackendException("Argo CD at " + server + " refused the " + call.what() + " of application "
                        + app + " (" + answer.status() + ": " + message + ")");
        }
    }

    private BackendException tlsFailure(SSLException e) {
        return new BackendException("TLS with Argo CD at " + server + " failed (" + e.getMessage() + "); if the server's"
                + " certificate is not from a trusted CA, add the CA to the Java trust store, or set cd.insecure: true to"
                + " skip verification (not recommended), or cd.plaintext: true for a server without TLS", e);
    }

    /** Removes the credentials from text a server sent back. */
    private String scrub(String text) {
        String out = text;
        for (Optional<String> secret : List.of(token, password, Optional.ofNullable(sessionToken))) {
            if (secret.isPresent() && !secret.get().isEmpty()) {
                out = out.replace(secret.get(), "***");
            }
        }
        return out;
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip().replaceAll("[\\p{Cntrl}]", "?");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------- TLS

    /** An SSL context that accepts every certificate and host name: {@code cd.insecure}. */
    private static SSLContext trustingEveryCertificate() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new BackendException("cannot set up TLS without verification (cd.insecure): " + e.getMessage(), e);
        }
    }
}
