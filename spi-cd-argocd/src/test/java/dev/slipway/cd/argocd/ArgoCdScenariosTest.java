package dev.slipway.cd.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.cd.argocd.FakeArgoCd.Exchange;
import dev.slipway.cd.argocd.internal.ArgoCdClient;
import dev.slipway.spi.CdAppNotFoundException;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdAuthenticationException;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdFrozenException;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.tck.ManualClock;
import dev.slipway.tck.cd.CdWorld.Advance;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD's own behaviour, played by the fake server: the requests the adapter makes in each scenario, and
 * how it meets projects, namespaces, sync windows, 401, 403, 503 bursts, session logins, TLS and timeouts.
 * The last test checks all of this class's traffic against the API contract.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArgoCdScenariosTest {

    static final String APP = "go-backend-helm";
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final CommitId OLD = CommitId.of("0d1c1a5e0d1c1a5e0d1c1a5e0d1c1a5e0d1c1a5e");
    static final CommitId PUSHED = CommitId.of("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
    static final String PASSWORD = "hunter2-Argo-Pa55word";

    private static final List<Exchange> EXCHANGES = new ArrayList<>();
    private static final Set<String> FIELDS_READ = new TreeSet<>();

    ManualClock clock;
    FakeArgoCd fake;
    final List<CdClient> clients = new ArrayList<>();
    final List<LogRecord> logs = new ArrayList<>();
    final Logger adapterLog = Logger.getLogger("dev.slipway.cd.argocd");
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logs) {
                logs.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level previousLevel;
    /** Whether this test's traffic joins the contract check (not when it is off the API on purpose). */
    boolean collectTraffic = true;

    @BeforeEach
    void start() {
        clock = new ManualClock(T0);
        fake = FakeArgoCd.start();
        previousLevel = adapterLog.getLevel();
        adapterLog.setLevel(Level.ALL);
        adapterLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        adapterLog.removeHandler(capture);
        adapterLog.setLevel(previousLevel);
        for (CdClient c : clients) {
            c.close();
            synchronized (EXCHANGES) {
                FIELDS_READ.addAll(((ArgoCdClient) c).fieldsRead());
            }
        }
        if (collectTraffic) {
            synchronized (EXCHANGES) {
                EXCHANGES.addAll(fake.exchanges());
            }
        }
        fake.close();
        synchronized (logs) {
            for (LogRecord record : logs) {
                String text = record.getMessage() + " " + record.getThrown();
                assertThat(text).as("a log record").doesNotContain(FakeArgoCd.TOKEN).doesNotContain(PASSWORD);
            }
        }
    }

    private CdSettings.Builder base() {
        return CdSettings.builder().clock(clock).sleeper(clock.sleeper()).server(Optional.of(fake.url()))
                .project(Optional.of(FakeArgoCd.PROJECT)).appNamespace(Optional.of(FakeArgoCd.NAMESPACE))
                .environment(Map.of("ARGOCD_AUTH_TOKEN", FakeArgoCd.TOKEN));
    }

    private CdClient client(UnaryOperator<CdSettings.Builder> settings) {
        CdClient c = new ArgoCdBackend().open(settings.apply(base()).build());
        clients.add(c);
        return c;
    }

    private CdClient client() {
        return client(s -> s);
    }

    static CdAppState state(CdSyncStatus sync, CommitId at, CdHealth health, CdOperationPhase phase, boolean autoSync) {
        CdOperation op = new CdOperation(phase, phase == CdOperationPhase.SUCCEEDED ? "successfully synced (all tasks run)" : "",
                List.of(at.hex()), Optional.of(T0), phase.isCompleted() ? Optional.of(T0.plusSeconds(20)) : Optional.empty());
        return CdAppState.builder(APP).sync(sync).revision(at.hex()).health(health).operation(op)
                .reconciledAt(T0.plusSeconds(25)).images(List.of("ghcr.io/acme/go-backend:0.2.2-rc0029-g" + at.abbreviate(7)))
                .autoSync(autoSync).build();
    }

    private List<Exchange> requests(String method) {
        return fake.exchanges().stream().filter(e -> e.method().equals(method)).toList();
    }

    @Test
    @Order(1)
    @DisplayName("OutOfSync -> Progressing -> Healthy: GETs with project and appNamespace, one POST sync without a revision")
    void outOfSyncToHealthy() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.play(Advance.SYNC, state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.PROGRESSING, CdOperationPhase.RUNNING, false));
        fake.play(Advance.READ, state(CdSyncStatus.SYNCED, PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, false));
        fake.play(Advance.READ, state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));

        CdAppState live = client().awaitLive(APP, PUSHED, T0.plus(Duration.ofMinutes(5)));

        assertThat(live.images()).containsExactly("ghcr.io/acme/go-backend:0.2.2-rc0029-gc0ffee0");
        assertThat(requests("GET")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("/api/v1/applications/" + APP);
            assertThat(e.query()).containsEntry("project", List.of("default")).containsEntry("appNamespace", List.of("argocd"));
        });
        assertThat(requests("POST")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/api/v1/applications/" + APP + "/sync");
            assertThat(e.body()).contains("\"name\":\"" + APP + "\"", "\"project\":\"default\"", "\"appNamespace\":\"argocd\"")
                    .doesNotContain("revision");
        });
        assertThat(clock.slept()).isEqualTo(Duration.between(T0, clock.instant()));
    }

    @Test
    @Order(2)
    @DisplayName("Degraded after the sync: CdNotLiveException (DEGRADED) naming the application and the commit")
    void degraded() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.play(Advance.SYNC, state(CdSyncStatus.SYNCED, PUSHED, CdHealth.DEGRADED, CdOperationPhase.SUCCEEDED, false));

        Throwable e = catchThrowable(() -> client().awaitLive(APP, PUSHED, T0.plus(Duration.ofMinutes(5))));

        assertThat(e).isInstanceOfSatisfying(CdNotLiveException.class,
                n -> assertThat(n.reason()).isEqualTo(CdNotLiveException.Reason.DEGRADED))
                .hasMessageContaining(APP).hasMessageContaining(PUSHED.hex());
    }

    @Test
    @Order(3)
    @DisplayName("a stale status (reconciledAt before finishedAt): GET ?refresh=normal, then the fresh status counts")
    void staleStatus() {
        CdAppState fresh = state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true);
        fake.report(fresh.toBuilder().reconciledAt(T0.plusSeconds(10)).build());
        fake.play(Advance.REFRESH, fresh);

        assertThat(client().awaitLive(APP, PUSHED, T0.plus(Duration.ofMinutes(5)))).isEqualTo(fresh);
        assertThat(requests("GET")).anySatisfy(e -> assertThat(e.query()).containsEntry("refresh", List.of("normal")));
    }

    @Test
    @Order(4)
    @DisplayName("auto-sync on: GET ?refresh=normal and polls, never a POST sync")
    void autoSync() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));
        fake.play(Advance.REFRESH, state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.PROGRESSING, CdOperationPhase.RUNNING, true));
        fake.play(Advance.READ, state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));

        assertThat(client().awaitLive(APP, PUSHED, T0.plus(Duration.ofMinutes(5))).health()).isEqualTo(CdHealth.HEALTHY);
        assertThat(requests("POST")).isEmpty();
        assertThat(fake.refreshRequests(APP)).containsOnly(false);
    }

    @Test
    @Order(5)
    @DisplayName("a refresh the kit asks to be hard is sent as ?refresh=hard")
    void hardRefresh() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));
        client().refresh(APP, true);
        assertThat(requests("GET")).singleElement().satisfies(e -> assertThat(e.query()).containsEntry("refresh", List.of("hard")));
    }

    @Test
    @Order(6)
    @DisplayName("a sync window: 403 'cannot sync: blocked by sync window' is a CdFrozenException, asked once")
    void syncWindow() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.syncWindow(APP, true);

        assertThatThrownBy(() -> client().sync(APP)).isInstanceOf(CdFrozenException.class)
                .hasMessageContaining("blocked by sync window").hasMessageContaining("argocd proj windows list default");
        assertThat(requests("POST")).hasSize(1);
    }

    @Test
    @Order(7)
    @DisplayName("an application of another project: with cd.project, Argo CD answers 404 and the adapter says it is missing")
    void wrongProject() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.project(APP, "payments");

        assertThatThrownBy(() -> client().state(APP)).isInstanceOfSatisfying(CdAppNotFoundException.class,
                e -> assertThat(e.app()).isEqualTo(APP))
                .hasMessageContaining("in project default").hasMessageContaining("another project")
                .hasMessageContaining("cd.project");
    }

    @Test
    @Order(8)
    @DisplayName("a missing application without cd.project: Argo CD answers 403, and the adapter says it is ambiguous and how to fix it")
    void missingWithoutProject() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));

        Throwable e = catchThrowable(() -> client(s -> s.project(Optional.empty())).state("web-production"));

        assertThat(e).isInstanceOf(BackendException.class).isNotInstanceOf(CdAppNotFoundException.class)
                .hasMessageContaining("either it does not exist or").hasMessageContaining("set cd.project");
        assertThat(requests("GET")).singleElement().satisfies(x -> assertThat(x.query()).doesNotContainKey("project"));
    }

    @Test
    @Order(9)
    @DisplayName("403 with cd.project means no permission: the message names the RBAC permission needed")
    void permissionDenied() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.deny(APP);

        assertThatThrownBy(() -> client().sync(APP)).isInstanceOf(BackendException.class)
                .isNotInstanceOf(CdFrozenException.class)
                .hasMessageContaining("'applications, sync, default/" + APP + "'");
    }

    @Test
    @Order(10)
    @DisplayName("an application in another namespace than cd.app-namespace is missing")
    void otherNamespace() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.namespace(APP, "team-a");

        assertThatThrownBy(() -> client().state(APP)).isInstanceOf(CdAppNotFoundException.class)
                .hasMessageContaining("namespace argocd");
        assertThat(client(s -> s.appNamespace(Optional.of("team-a"))).state(APP).health()).isEqualTo(CdHealth.HEALTHY);
    }

    @Test
    @Order(11)
    @DisplayName("401: a CdAuthenticationException that says how to get a token and never quotes one")
    void unauthorized() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));

        Throwable e = catchThrowable(() -> client(s -> s.environment(Map.of("ARGOCD_AUTH_TOKEN", "expired-" + FakeArgoCd.TOKEN)))
                .state(APP));

        assertThat(e).isInstanceOf(CdAuthenticationException.class)
                .hasMessageContaining("ARGOCD_AUTH_TOKEN").hasMessageContaining("argocd account generate-token")
                .hasMessageNotContaining(FakeArgoCd.TOKEN);
        assertThat(fake.exchanges()).hasSize(1);
    }

    @Test
    @Order(12)
    @DisplayName("a burst of 503s is ridden out with growing pauses; a longer one ends with a BackendException naming the server")
    void serviceUnavailableBursts() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        CdClient client = client();
        fake.failAll(3);

        assertThat(client.state(APP).health()).isEqualTo(CdHealth.HEALTHY);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

        fake.failAll(100);
        assertThatThrownBy(() -> client.state(APP)).isInstanceOf(BackendException.class)
                .hasMessageContaining(fake.url()).hasMessageContaining("HTTP 503").hasMessageContaining("5 times");
    }

    @Test
    @Order(13)
    @DisplayName("a 503 on the sync is retried; a lost answer followed by 'another operation is already in progress' counts as started")
    void syncAfterFault() {
        fake.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.failTransiently(APP, 1);
        fake.busy(APP, 1);

        client().sync(APP);

        assertThat(requests("POST")).extracting(Exchange::status).containsExactly(503, 400);
        assertThat(fake.syncRequests(APP)).isEmpty();
    }

    @Test
    @Order(14)
    @DisplayName("a refused connection is retried, then a BackendException names the server and the setting")
    void connectionRefused() {
        String url = fake.url();
        fake.close();

        Throwable e = catchThrowable(() -> client(s -> s.server(Optional.of(url))).state(APP));

        assertThat(e).isInstanceOf(BackendException.class).hasMessageContaining(url).hasMessageContaining("cd.server");
        assertThat(clock.sleeps()).hasSize(CdSettings.DEFAULT_RETRIES);
    }

    @Test
    @Order(15)
    @DisplayName("session login: ARGOCD_USERNAME/ARGOCD_PASSWORD -> POST /api/v1/session, bearer session token, a new login after expiry, DELETE on close")
    void sessionLogin() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.login("deployer", PASSWORD);
        CdClient client = client(s -> s.environment(Map.of("ARGOCD_USERNAME", "deployer", "ARGOCD_PASSWORD", PASSWORD)));
        assertThat(fake.exchanges()).as("opening does no I/O").isEmpty();

        client.state(APP);
        fake.expireSessions();
        client.state(APP);
        client.close();

        assertThat(fake.exchanges()).extracting(e -> e.method() + " " + e.path() + " " + e.status()).containsExactly(
                "POST /api/v1/session 200", "GET /api/v1/applications/" + APP + " 200",
                "GET /api/v1/applications/" + APP + " 401", "POST /api/v1/session 200",
                "GET /api/v1/applications/" + APP + " 200", "DELETE /api/v1/session 200");
        assertThat(client.toString()).doesNotContain(PASSWORD).contains("ARGOCD_USERNAME");
    }

    @Test
    @Order(16)
    @DisplayName("a rejected session login is a CdAuthenticationException naming the variables, not the password")
    void badLogin() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        fake.login("deployer", "another-password");

        assertThatThrownBy(() -> client(s -> s.environment(Map.of("ARGOCD_USERNAME", "deployer", "ARGOCD_PASSWORD", PASSWORD)))
                .state(APP)).isInstanceOf(CdAuthenticationException.class).hasMessageContaining("ARGOCD_PASSWORD")
                .hasMessageContaining("Invalid username or password").hasMessageNotContaining(PASSWORD);
    }

    @Test
    @Order(17)
    @DisplayName("opening: the server from cd.server or ARGOCD_SERVER, credentials required, nothing sent")
    void opening() {
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        assertThatThrownBy(() -> client(s -> s.server(Optional.empty()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cd.server").hasMessageContaining("ARGOCD_SERVER");
        assertThatThrownBy(() -> client(s -> s.environment(Map.of()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ARGOCD_AUTH_TOKEN").hasMessageContaining("argocd account generate-token");
        assertThatThrownBy(() -> client(s -> s.plaintext(true).insecure(true))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exclude each other");
        assertThat(fake.exchanges()).isEmpty();

        CdClient fromEnvironment = client(s -> s.server(Optional.empty()).plaintext(true)
                .environment(Map.of("ARGOCD_SERVER", fake.hostPort(), "ARGOCD_AUTH_TOKEN", FakeArgoCd.TOKEN)));
        assertThat(fromEnvironment.state(APP).health()).isEqualTo(CdHealth.HEALTHY);
        assertThat(fromEnvironment.toString()).contains("ARGOCD_SERVER").doesNotContain(FakeArgoCd.TOKEN);
    }

    @Test
    @Order(18)
    @DisplayName("a server that is not the Argo CD API (a 404 page): a BackendException asking whether cd.server is right")
    void notTheApi() {
        collectTraffic = false; // a wrong root path is off the API on purpose
        fake.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
        assertThatThrownBy(() -> client(s -> s.server(Optional.of(fake.url() + "/argocd"))).state(APP))
                .isInstanceOf(BackendException.class).isNotInstanceOf(CdAppNotFoundException.class)
                .hasMessageContaining("is cd.server");
    }

    @Test
    @Order(19)
    @DisplayName("TLS is verified by default (a self-signed certificate fails, pointing at cd.insecure); cd.insecure accepts it")
    void tls(@TempDir Path dir) throws Exception {
        SSLContext tls = selfSigned(dir);
        try (FakeArgoCd secure = FakeArgoCd.startTls(tls)) {
            secure.report(state(CdSyncStatus.SYNCED, PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
            CdClient verified = client(s -> s.server(Optional.of(secure.hostPort())));

            assertThatThrownBy(() -> verified.state(APP)).isInstanceOf(BackendException.class)
                    .hasMessageContaining("TLS").hasMessageContaining("cd.insecure");
            assertThat(client(s -> s.server(Optional.of(secure.hostPort())).insecure(true)).state(APP).health())
                    .isEqualTo(CdHealth.HEALTHY);
            synchronized (EXCHANGES) {
                EXCHANGES.addAll(secure.exchanges());
            }
        }
    }

    @Test
    @Order(20)
    @DisplayName("a server that never answers: every call ends after the call timeout, retried, then a BackendException")
    void callTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        silent.start();
        try {
            CdClient client = client(s -> s.server(Optional.of("http://127.0.0.1:" + silent.getAddress().getPort()))
                    .callTimeout(Duration.ofMillis(300)).retries(1));
            assertThatThrownBy(() -> client.state(APP)).isInstanceOf(BackendException.class)
                    .hasMessageContaining("no answer within PT0.3S").hasMessageContaining("2 times");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("every path, method, query parameter and JSON field of these scenarios is in the Argo CD API contract")
    void trafficConforms() {
        SwaggerContract contract = SwaggerContract.load();
        synchronized (EXCHANGES) {
            assertThat(EXCHANGES).extracting(Exchange::method).contains("GET", "POST", "DELETE");
            SwaggerContract.assertConforms(contract.violations(EXCHANGES, FIELDS_READ));
            assertThat(FIELDS_READ).anyMatch(f -> f.startsWith("POST /api/v1/session 200 token"))
                    .anyMatch(f -> f.startsWith("POST /api/v1/applications/{name}/sync default message"));
        }
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("fake-argocd.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "fake-argocd", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("keytool: %s", output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
