package dev.slipway.tck.cd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.CdAppNotFoundException;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdAuthenticationException;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdCondition;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdFrozenException;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdLiveness;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.spi.RevisionLineage;
import dev.slipway.tck.ManualClock;
import dev.slipway.tck.cd.CdWorld.Advance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CdBackend} passes: rules {@code CD-1} to {@code CD-13} of {@link CdBackend} and
 * {@link CdClient}, each test tagged with the rule it checks. An adapter's test extends this class,
 * implements {@link #createWorld()} (the CD system, scripted) and {@link #createBackend()}, and adds to the
 * settings what its backend needs to reach that world:
 *
 * <pre>{@code
 * class MyCdBackendTest extends CdBackendContract {
 *     private FakeServer server;
 *
 *     protected CdWorld createWorld() {
 *         server = FakeServer.start();
 *         return server;                      // implements CdWorld
 *     }
 *
 *     protected CdBackend createBackend() {
 *         return new MyCdBackend();
 *     }
 *
 *     protected CdSettings.Builder settings(CdSettings.Builder kit) {
 *         return kit.server(Optional.of(server.url())).environment(Map.of("MY_TOKEN", "secret"));
 *     }
 *
 *     protected Set<String> secrets() {
 *         return Set.of("secret");
 *     }
 * }
 * }</pre>
 *
 * <p>The kit brings its own time: a {@link ManualClock} standing at {@link #T0} whose sleeper advances it,
 * injected through the settings, so waits, deadlines and back-offs take no real time. Its states carry
 * whole-second instants (what CD systems' APIs transmit). The world, the backend and a client are created
 * before each test (in {@link BeforeEach}), so subclass fields are set by then; the client and the world
 * are closed after it.
 */
public abstract class CdBackendContract {

    /** The instant the kit's clock starts at. */
    protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** The application the kit's tests use. */
    protected static final String APP = "web-staging";
    /** A commit that is already deployed. */
    protected static final CommitId OLD = CommitId.of("0d1c1a5e0d1c1a5e0d1c1a5e0d1c1a5e0d1c1a5e");
    /** The commit pushed and awaited. */
    protected static final CommitId PUSHED = CommitId.of("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
    /** A commit someone pushed on top of {@link #PUSHED}. */
    protected static final CommitId LATER = CommitId.of("1a7e51de1a7e51de1a7e51de1a7e51de1a7e51de");
    /** The lineage of the kit's history: {@link #LATER} descends from {@link #PUSHED}. */
    protected static final RevisionLineage LINEAGE = revision -> revision.equals(LATER.hex());
    /** How long the kit's waits may take. */
    protected static final Duration PATIENCE = Duration.ofMinutes(10);

    /** The kit's clock; its sleeper is the settings' sleeper. */
    protected ManualClock clock;
    private CdWorld world;
    private CdBackend backend;
    private CdSettings settings;
    private CdClient client;

    /**
     * Creates this kit; subclasses declare their own no-arg constructor.
     */
    protected CdBackendContract() {
    }

    /**
     * Creates the scripted CD system for one test, empty. Called before {@link #createBackend()}.
     *
     * @return the world
     */
    protected abstract CdWorld createWorld();

    /**
     * Creates the backend under test. Called before each test, after {@link #createWorld()}.
     *
     * @return a new backend
     */
    protected abstract CdBackend createBackend();

    /**
     * Adds what the backend needs to reach the world (a server address, credentials in the environment).
     * The kit's settings carry its clock and sleeper and an empty environment; keep those.
     *
     * @param kit the kit's settings
     * @return the settings to open the backend with
     */
    protected CdSettings.Builder settings(CdSettings.Builder kit) {
        return kit;
    }

    /**
     * The secret values put into the settings (tokens, passwords): the kit checks that no message or
     * {@code toString} holds one.
     *
     * @return the secrets
     */
    protected Set<String> secrets() {
        return Set.of();
    }

    @BeforeEach
    void openCdClientUnderTest() {
        clock = new ManualClock(T0);
        world = createWorld();
        assertThat(world).as("createWorld()").isNotNull();
        backend = createBackend();
        assertThat(backend).as("createBackend()").isNotNull();
        settings = settings(CdSettings.builder().clock(clock).sleeper(clock.sleeper()).environment(Map.of())).build();
        client = backend.open(settings);
        assertThat(client).as("open(settings)").isNotNull();
    }

    @AfterEach
    void closeCdClientAndWorld() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (world != null) {
                world.close();
            }
        }
    }

    /**
     * The world of the running test.
     *
     * @return the world
     */
    protected CdWorld world() {
        return world;
    }

    /**
     * The client of the running test.
     *
     * @return the client
     */
    protected CdClient client() {
        return client;
    }

    /**
     * The settings the client was opened with.
     *
     * @return the settings
     */
    protected CdSettings openedSettings() {
        return settings;
    }

    // ---------------------------------------------------------------- the kit's states

    /**
     * A state of {@link #APP} at a commit: reconciled after the last operation (not stale).
     *
     * @param sync the sync status
     * @param at the compared revision
     * @param health the health
     * @param operation the last operation
     * @return the state
     */
    protected static CdAppState state(CdSyncStatus sync, CommitId at, CdHealth health, CdOperation operation) {
        Instant reconciled = operation.finishedAt().orElse(operation.startedAt().orElse(T0)).plusSeconds(2);
        return CdAppState.builder(APP).sync(sync).revision(at.hex()).health(health).operation(operation)
                .reconciledAt(reconciled).images(List.of("ghcr.io/acme/web:0.2.2-rc0029-g" + at.abbreviate(7)))
                .build();
    }

    /**
     * An operation that syncs to a commit.
     *
     * @param phase its phase; a completed one finished {@code startedAt + 20s}
     * @param at the revision it syncs to
     * @param startedAt when it started
     * @return the operation
     */
    protected static CdOperation operation(CdOperationPhase phase, CommitId at, Instant startedAt) {
        return new CdOperation(phase, phase == CdOperationPhase.FAILED ? "one or more synchronization tasks completed"
                + " unsuccessfully" : phase == CdOperationPhase.SUCCEEDED ? "successfully synced (all tasks run)" : "",
                List.of(at.hex()), Optional.of(startedAt),
                phase.isCompleted() ? Optional.of(startedAt.plusSeconds(20)) : Optional.empty());
    }

    private static CdAppState deployed(CommitId at, boolean autoSync) {
        return state(CdSyncStatus.SYNCED, at, CdHealth.HEALTHY, operation(CdOperationPhase.SUCCEEDED, at, T0.minusSeconds(3600)))
                .toBuilder().autoSync(autoSync).build();
    }

    private static CdAppState behind(boolean autoSync) {
        return state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, operation(CdOperationPhase.SUCCEEDED, OLD,
                T0.minusSeconds(3600))).toBuilder().autoSync(autoSync).build();
    }

    private static CdAppState syncing(CommitId from, CommitId to, boolean autoSync) {
        return state(CdSyncStatus.OUT_OF_SYNC, from, CdHealth.PROGRESSING, operation(CdOperationPhase.RUNNING, to, T0))
                .toBuilder().autoSync(autoSync).build();
    }

    private static CdAppState at(CommitId commit, CdHealth health, CdOperationPhase phase, boolean autoSync) {
        return state(CdSyncStatus.SYNCED, commit, health, operation(phase, commit, T0)).toBuilder().autoSync(autoSync)
                .build();
    }

    private Instant deadline() {
        return T0.plus(PATIENCE);
    }

    private void assertNoSecretIn(Object what) {
        String text = String.valueOf(what instanceof Throwable t ? t.getMessage() + " " + t : what);
        for (String secret : secrets()) {
            assertThat(text).as("no secret in %s", what.getClass().getSimpleName()).doesNotContain(secret);
        }
    }

    private CdNotLiveException notLive(Runnable wait) {
        Throwable thrown = catchThrowable(wait::run);
        assertThat(thrown).isInstanceOf(CdNotLiveException.class);
        assertNoSecretIn(thrown);
        return (CdNotLiveException) thrown;
    }

    // ---------------------------------------------------------------- the rules

    @Nested
    @DisplayName("CD-1: opening a client")
    class Opening {

        @Test
        @Tag("CD-1")
        @DisplayName("the backend's id is a lower-case word, and neither the backend nor the client shows a secret")
        void idAndToString() {
            assertThat(backend.id()).matches("[a-z][a-z0-9-]*");
            assertNoSecretIn(backend);
            assertNoSecretIn(client);
            assertNoSecretIn(settings);
        }

        @Test
        @Tag("CD-1")
        @DisplayName("opening touches nothing: a fresh client on a world that rejects every call still opens")
        void openDoesNoIo() {
            world.rejectCredentials();
            try (CdClient another = backend.open(settings)) {
                assertThat(another).isNotNull();
            }
        }
    }

    @Nested
    @DisplayName("CD-2: the state of an application")
    class State {

        @Test
        @Tag("CD-2")
        @DisplayName("every part of a state is reported as the CD system holds it")
        void everyPart() {
            CdAppState full = CdAppState.builder(APP).sync(CdSyncStatus.OUT_OF_SYNC).revision(PUSHED.hex())
                    .health(CdHealth.DEGRADED)
                    .operation(new CdOperation(CdOperationPhase.FAILED, "one or more objects failed to apply",
                            List.of(PUSHED.hex()), Optional.of(T0.minusSeconds(60)), Optional.of(T0.minusSeconds(30))))
                    .reconciledAt(T0.minusSeconds(10))
                    .images(List.of("ghcr.io/acme/web:0.2.2-rc0029-gc0ffee0", "ghcr.io/acme/sidecar:1.0.0"))
                    .conditions(List.of(new CdCondition("SyncError", "hook failed", Optional.of(T0.minusSeconds(30))),
                            CdCondition.of("RepeatedResourceWarning", "resource appears twice")))
                    .autoSync(true)
                    .build();
            world.report(full);

            assertThat(client.state(APP)).isEqualTo(full);
        }

        @Test
        @Tag("CD-2")
        @DisplayName("a state without operation, reconciliation, images or conditions is reported as such")
        void bare() {
            CdAppState bare = CdAppState.builder(APP).sync(CdSyncStatus.UNKNOWN).health(CdHealth.MISSING).build();
            world.report(bare);

            assertThat(client.state(APP)).isEqualTo(bare);
        }

        @Test
        @Tag("CD-2")
        @DisplayName("a multi-source application reports one revision per source, in order")
        void multiSource() {
            CdAppState multi = deployed(PUSHED, false).toBuilder().revisions(List.of("4.1.0", PUSHED.hex())).build();
            world.report(multi);

            assertThat(client.state(APP).revisions()).containsExactly("4.1.0", PUSHED.hex());
        }

        @Test
        @Tag("CD-2")
        @DisplayName("every operation phase, health and sync status is reported as such")
        void everyWord() {
            for (CdOperationPhase phase : CdOperationPhase.values()) {
                for (CdHealth health : CdHealth.values()) {
                    CdAppState s = state(CdSyncStatus.values()[(phase.ordinal() + health.ordinal()) % 3], PUSHED, health,
                            operation(phase, PUSHED, T0));
                    world.report(s);
                    assertThat(client.state(APP)).as("%s, %s", phase, health).isEqualTo(s);
                }
            }
        }

        @Test
        @Tag("CD-2")
        @DisplayName("reading a state changes nothing: no sync, no refresh")
        void readOnly() {
            world.report(behind(false));
            client.state(APP);
            client.state(APP);

            assertThat(world.syncRequests(APP)).isEmpty();
            assertThat(world.refreshRequests(APP)).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-3: applications that do not exist")
    class Missing {

        @Test
        @Tag("CD-3")
        @DisplayName("every operation on a missing application throws CdAppNotFoundException naming it")
        void everyOperation() {
            world.report(deployed(PUSHED, false));
            String missing = "web-production";
            List<Runnable> calls = List.of(() -> client.state(missing), () -> client.refresh(missing, false),
                    () -> client.sync(missing), () -> client.history(missing),
                    () -> client.awaitLive(missing, PUSHED, deadline(), LINEAGE));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(CdAppNotFoundException.class, e -> {
                    assertThat(e.app()).isEqualTo(missing);
                    assertThat(e.getMessage()).contains(missing);
                    assertNoSecretIn(e);
                });
            }
        }

        @Test
        @Tag("CD-3")
        @DisplayName("a name that cannot be an application's is invalid input, refused before any call")
        void invalidNames() {
            world.report(deployed(PUSHED, false));
            for (String bad : List.of("Web", "web app", "../web", "web/staging", "")) {
                assertThatThrownBy(() -> client.state(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                        .isNotInstanceOf(CdAppNotFoundException.class);
                assertThatThrownBy(() -> client.sync(bad)).as(bad).isInstanceOf(InvalidInputException.class);
            }
            assertThat(world.syncRequests(APP)).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-4: refresh")
    class Refresh {

        @Test
        @Tag("CD-4")
        @DisplayName("a refresh is requested, normal or hard, and returns the state reported afterwards")
        void normalAndHard() {
            world.report(deployed(OLD, false));
            world.play(Advance.REFRESH, behind(false));

            assertThat(client.refresh(APP, false)).isEqualTo(behind(false));
            assertThat(client.refresh(APP, true)).isEqualTo(behind(false));
            assertThat(world.refreshRequests(APP)).containsExactly(false, true);
        }

        @Test
        @Tag("CD-4")
        @DisplayName("a refresh never syncs")
        void neverSyncs() {
            world.report(behind(false));
            client.refresh(APP, true);

            assertThat(world.syncRequests(APP)).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-5, CD-6, CD-7: sync")
    class Sync {

        @Test
        @Tag("CD-5")
        @DisplayName("a sync without a revision asks for none; one with a revision asks for it; neither waits")
        void revisions() {
            world.report(behind(false));
            world.play(Advance.SYNC, syncing(OLD, PUSHED, false));

            client.sync(APP);
            client.sync(APP, Optional.of(PUSHED.hex()));

            assertThat(world.syncRequests(APP)).containsExactly(Optional.empty(), Optional.of(PUSHED.hex()));
            assertThat(client.state(APP).operation().map(CdOperation::phase)).contains(CdOperationPhase.RUNNING);
            assertThat(clock.sleeps()).as("sync does not wait").isEmpty();
        }

        @Test
        @Tag("CD-5")
        @DisplayName("a sync to a named revision of an auto-synced application is refused as invalid input naming it")
        void revisionUnderAutoSync() {
            world.report(behind(true));

            assertThatThrownBy(() -> client.sync(APP, Optional.of(PUSHED.hex())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.input()).isEqualTo(PUSHED.hex()));
            assertThat(world.syncRequests(APP)).isEmpty();
        }

        @Test
        @Tag("CD-6")
        @DisplayName("a sync a sync window forbids is a CdFrozenException naming the application, not retried")
        void syncWindow() {
            world.report(behind(false));
            world.syncWindow(APP, true);

            assertThatThrownBy(() -> client.sync(APP)).isInstanceOfSatisfying(CdFrozenException.class, e -> {
                assertThat(e.app()).isEqualTo(APP);
                assertThat(e.getMessage()).contains(APP).containsIgnoringCase("sync window");
            });
            assertThat(clock.sleeps()).as("not retried").isEmpty();
            assertThat(world.syncRequests(APP)).isEmpty();

            world.syncWindow(APP, false);
            client.sync(APP);
            assertThat(world.syncRequests(APP)).hasSize(1);
        }

        @Test
        @Tag("CD-7")
        @DisplayName("a sync refused while another operation runs is tried again after a pause, and then accepted")
        void busyThenAccepted() {
            world.report(behind(false));
            world.busy(APP, 3);

            client.sync(APP);

            assertThat(world.syncRequests(APP)).containsExactly(Optional.empty());
            assertThat(clock.sleeps()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(clock.slept()).isLessThanOrEqualTo(openedSettings().busyTimeout());
        }

        @Test
        @Tag("CD-7")
        @DisplayName("an operation that outlasts the busy timeout ends the sync with a BackendException at that time")
        void busyTooLong() {
            world.report(behind(false));
            world.busy(APP, 1_000_000);

            assertThatThrownBy(() -> client.sync(APP)).isInstanceOf(BackendException.class)
                    .isNotInstanceOf(CdFrozenException.class).hasMessageContaining(APP);
            assertThat(clock.slept()).isGreaterThanOrEqualTo(openedSettings().busyTimeout())
                    .isLessThanOrEqualTo(openedSettings().busyTimeout().plus(openedSettings().pollInterval()));
            assertThat(world.syncRequests(APP)).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-8, CD-9: waiting until a commit is live")
    class AwaitLive {

        @Test
        @Tag("CD-9")
        @DisplayName("without auto-sync: OutOfSync -> one sync without a revision -> Progressing -> Healthy is live")
        void manualSync() {
            world.report(behind(false));
            world.play(Advance.SYNC, syncing(OLD, PUSHED, false));
            world.play(Advance.READ, at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, false));
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));

            CdAppState live = client.awaitLive(APP, PUSHED, deadline(), LINEAGE);

            assertThat(live).isEqualTo(at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));
            assertThat(world.syncRequests(APP)).containsExactly(Optional.empty());
        }

        @Test
        @Tag("CD-9")
        @DisplayName("with auto-sync: the application is refreshed (normal), never synced, and waited for")
        void autoSync() {
            world.report(behind(true));
            world.play(Advance.REFRESH, syncing(OLD, PUSHED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));

            CdAppState live = client.awaitLive(APP, PUSHED, deadline(), LINEAGE);

            assertThat(live.health()).isEqualTo(CdHealth.HEALTHY);
            assertThat(world.syncRequests(APP)).isEmpty();
            assertThat(world.refreshRequests(APP)).isNotEmpty().containsOnly(false);
        }

        @Test
        @Tag("CD-9")
        @DisplayName("with auto-sync and a CD system that never catches up: no sync ever, refreshes spaced out, the deadline ends it")
        void autoSyncNeverCatchesUp() {
            world.report(behind(true));

            CdNotLiveException e = notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE));

            assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEADLINE);
            assertThat(world.syncRequests(APP)).isEmpty();
            long polls = PATIENCE.dividedBy(openedSettings().pollInterval());
            assertThat((long) world.refreshRequests(APP).size()).isBetween(1L, polls / CdLiveness.POLLS_PER_REFRESH + 1);
        }

        @Test
        @Tag("CD-8")
        @DisplayName("a stale status (reconciledAt before the operation's finishedAt) is refreshed and read again")
        void staleStatus() {
            CdAppState fresh = at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true);
            Instant finished = fresh.operation().flatMap(CdOperation::finishedAt).orElseThrow();
            CdAppState stale = fresh.toBuilder().reconciledAt(finished.minusSeconds(5)).build();
            world.report(stale);
            world.play(Advance.REFRESH, fresh);

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).isEqualTo(fresh);
            assertThat(world.refreshRequests(APP)).isNotEmpty();
        }

        @Test
        @Tag("CD-8")
        @DisplayName("a stale status is never taken for live, even when it looks Synced and Healthy")
        void staleNeverLive() {
            CdAppState fresh = at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false);
            CdAppState stale = fresh.toBuilder().reconciledAt(Optional.empty()).build();
            world.report(stale);

            assertThat(notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).reason())
                    .isEqualTo(CdNotLiveException.Reason.DEADLINE);
        }

        @Test
        @Tag("CD-8")
        @DisplayName("a later commit that descends from ours is live; without that lineage it is not")
        void descendant() {
            world.report(deployed(LATER, true));

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).revision()).contains(LATER.hex());
            assertThat(notLive(() -> client.awaitLive(APP, PUSHED, deadline())).reason())
                    .isEqualTo(CdNotLiveException.Reason.DEADLINE);
        }

        @Test
        @Tag("CD-8")
        @DisplayName("already live at the commit: returns at once, without sleeping, syncing or refreshing")
        void alreadyLive() {
            world.report(deployed(PUSHED, false));

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).isEqualTo(deployed(PUSHED, false));
            assertThat(clock.sleeps()).isEmpty();
            assertThat(world.syncRequests(APP)).isEmpty();
            assertThat(world.refreshRequests(APP)).isEmpty();
        }

        @Test
        @Tag("CD-9")
        @DisplayName("a sync that ended without reaching the commit is followed by one more sync")
        void resyncOnce() {
            CdAppState stillBehind = state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY,
                    operation(CdOperationPhase.SUCCEEDED, OLD, T0.plusSeconds(1)));
            world.report(behind(false));
            world.play(Advance.SYNC, syncing(OLD, OLD, false));
            world.play(Advance.READ, stillBehind);
            world.play(Advance.SYNC, syncing(OLD, PUSHED, false));
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, false));

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).revision()).contains(PUSHED.hex());
            assertThat(world.syncRequests(APP)).containsExactly(Optional.empty(), Optional.empty());
        }

        @Test
        @Tag("CD-9")
        @DisplayName("a sync the CD system has not acted on yet is not repeated on every poll")
        void syncNotRepeated() {
            world.report(behind(false));

            assertThat(notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).reason())
                    .isEqualTo(CdNotLiveException.Reason.DEADLINE);
            assertThat(world.syncRequests(APP)).containsExactly(Optional.empty());
        }

        @Test
        @Tag("CD-9")
        @DisplayName("a sync window that blocks the sync a wait needs ends the wait with CdFrozenException")
        void frozenWhileWaiting() {
            world.report(behind(false));
            world.syncWindow(APP, true);

            assertThatThrownBy(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).isInstanceOf(CdFrozenException.class);
        }
    }

    @Nested
    @DisplayName("CD-10: what keeps a wait going and what ends it")
    class WaitOutcomes {

        @Test
        @Tag("CD-10")
        @DisplayName("Progressing, then Suspended, then Healthy: waited through, a poll interval at a time")
        void progressingAndSuspended() {
            world.report(at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.SUSPENDED, CdOperationPhase.SUCCEEDED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.SUSPENDED, CdOperationPhase.SUCCEEDED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).health()).isEqualTo(CdHealth.HEALTHY);
            assertThat(clock.sleeps()).hasSize(3).containsOnly(openedSettings().pollInterval());
        }

        @Test
        @Tag("CD-10")
        @DisplayName("Degraded at the commit ends the wait (DEGRADED) with the state observed")
        void degraded() {
            world.report(behind(false));
            world.play(Advance.SYNC, syncing(OLD, PUSHED, false));
            world.play(Advance.READ, at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, false));
            world.play(Advance.READ, at(PUSHED, CdHealth.DEGRADED, CdOperationPhase.SUCCEEDED, false));

            CdNotLiveException e = notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE));

            assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEGRADED);
            assertThat(e.app()).isEqualTo(APP);
            assertThat(e.lastState()).map(CdAppState::health).contains(CdHealth.DEGRADED);
            assertThat(e.getMessage()).contains(APP, PUSHED.hex(), "Degraded");
        }

        @Test
        @Tag("CD-10")
        @DisplayName("Missing at the commit ends the wait (MISSING)")
        void missing() {
            world.report(at(PUSHED, CdHealth.MISSING, CdOperationPhase.SUCCEEDED, true));

            assertThat(notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE)).reason())
                    .isEqualTo(CdNotLiveException.Reason.MISSING);
        }

        @Test
        @Tag("CD-10")
        @DisplayName("an older revision's Degraded health does not end the wait: the commit's health counts")
        void olderRevisionDegraded() {
            world.report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.DEGRADED,
                    operation(CdOperationPhase.SUCCEEDED, OLD, T0.minusSeconds(600))).toBuilder().autoSync(true).build());
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).health()).isEqualTo(CdHealth.HEALTHY);
        }

        @Test
        @Tag("CD-10")
        @DisplayName("a sync of the commit that ended Failed ends the wait (OPERATION_FAILED) with the CD system's message")
        void operationFailed() {
            world.report(behind(false));
            world.play(Advance.SYNC, syncing(OLD, PUSHED, false));
            world.play(Advance.READ, state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY,
                    operation(CdOperationPhase.FAILED, PUSHED, T0)));

            CdNotLiveException e = notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE));

            assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.OPERATION_FAILED);
            assertThat(e.getMessage()).contains("completed unsuccessfully");
        }

        @Test
        @Tag("CD-10")
        @DisplayName("a ComparisonError or InvalidSpecError condition ends the wait (ERROR_CONDITION)")
        void errorConditions() {
            for (String type : List.of("ComparisonError", "InvalidSpecError")) {
                world.report(behind(true).toBuilder().conditions(List.of(CdCondition.of(type, "rpc error: repository not accessible")))
                        .build());
                CdNotLiveException e = notLive(() -> client.awaitLive(APP, PUSHED, deadline(), LINEAGE));
                assertThat(e.reason()).as(type).isEqualTo(CdNotLiveException.Reason.ERROR_CONDITION);
                assertThat(e.getMessage()).contains(type, "repository not accessible");
            }
        }

        @Test
        @Tag("CD-10")
        @DisplayName("a warning condition does not end the wait")
        void warnings() {
            world.report(deployed(PUSHED, true).toBuilder()
                    .conditions(List.of(CdCondition.of("SharedResourceWarning", "shared with web-production"))).build());

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).revision()).contains(PUSHED.hex());
        }

        @Test
        @Tag("CD-10")
        @DisplayName("never Healthy: the deadline ends the wait, never slept past, each pause at most a poll interval")
        void deadlinePasses() {
            world.report(at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, true));
            Instant deadline = T0.plus(openedSettings().pollInterval().multipliedBy(7)).plusMillis(1500);

            CdNotLiveException e = notLive(() -> client.awaitLive(APP, PUSHED, deadline, LINEAGE));

            assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEADLINE);
            assertThat(e.lastState()).map(CdAppState::health).contains(CdHealth.PROGRESSING);
            assertThat(clock.instant()).isEqualTo(deadline);
            assertThat(clock.sleeps()).allMatch(d -> d.compareTo(openedSettings().pollInterval()) <= 0);
            assertThat(e.getMessage()).contains(APP, PUSHED.hex(), deadline.toString());
        }

        @Test
        @Tag("CD-10")
        @DisplayName("a deadline already past: one look, and live or DEADLINE at once")
        void deadlineAlreadyPast() {
            world.report(at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, true));
            assertThat(notLive(() -> client.awaitLive(APP, PUSHED, T0.minusSeconds(1), LINEAGE)).reason())
                    .isEqualTo(CdNotLiveException.Reason.DEADLINE);
            assertThat(clock.sleeps()).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-11: history")
    class History {

        @Test
        @Tag("CD-11")
        @DisplayName("the deployments are listed oldest first, each as the CD system holds it")
        void oldestFirst() {
            world.report(deployed(PUSHED, true));
            CdDeployment first = new CdDeployment(1, List.of(OLD.hex()), Optional.of(T0.minusSeconds(7200)),
                    T0.minusSeconds(7190), Optional.of("alice@example.com"), false);
            CdDeployment second = new CdDeployment(2, List.of(PUSHED.hex()), Optional.of(T0.minusSeconds(3600)),
                    T0.minusSeconds(3580), Optional.empty(), true);
            CdDeployment third = new CdDeployment(7, List.of("4.1.0", LATER.hex()), Optional.empty(),
                    T0.minusSeconds(60), Optional.empty(), true);
            world.history(APP, List.of(third, first, second));

            assertThat(client.history(APP)).containsExactly(first, second, third);
        }

        @Test
        @Tag("CD-11")
        @DisplayName("an application never deployed has an empty history")
        void empty() {
            world.report(behind(false));

            assertThat(client.history(APP)).isEmpty();
        }
    }

    @Nested
    @DisplayName("CD-12, CD-13: credentials and faults")
    class Faults {

        @Test
        @Tag("CD-12")
        @DisplayName("rejected credentials are a CdAuthenticationException that says how to get a token, and shows no secret")
        void rejectedCredentials() {
            world.report(deployed(PUSHED, false));
            world.rejectCredentials();

            List<Consumer<CdClient>> calls = List.of(c -> c.state(APP), c -> c.sync(APP), c -> c.history(APP));
            for (Consumer<CdClient> call : calls) {
                Throwable e = catchThrowable(() -> call.accept(client));
                assertThat(e).isInstanceOf(CdAuthenticationException.class);
                assertThat(e.getMessage()).containsIgnoringCase("token");
                assertNoSecretIn(e);
            }
        }

        @Test
        @Tag("CD-13")
        @DisplayName("transient faults up to the retry budget are retried with growing pauses, and the call succeeds")
        void retried() {
            world.report(deployed(PUSHED, false));
            world.failTransiently(APP, openedSettings().retries());

            assertThat(client.state(APP)).isEqualTo(deployed(PUSHED, false));
            List<Duration> sleeps = clock.sleeps();
            assertThat(sleeps).hasSize(openedSettings().retries());
            for (int i = 1; i < sleeps.size(); i++) {
                assertThat(sleeps.get(i)).as("pause %d", i).isGreaterThanOrEqualTo(sleeps.get(i - 1));
            }
            assertThat(sleeps.get(sleeps.size() - 1)).isGreaterThan(sleeps.get(0));
        }

        @Test
        @Tag("CD-13")
        @DisplayName("one fault more than the retry budget is a BackendException naming the application")
        void exhausted() {
            world.report(deployed(PUSHED, false));
            world.failTransiently(APP, openedSettings().retries() + 1);

            Throwable e = catchThrowable(() -> client.state(APP));
            assertThat(e).isInstanceOf(BackendException.class).isNotInstanceOf(CdAuthenticationException.class)
                    .hasMessageContaining(APP);
            assertNoSecretIn(e);
            assertThat(clock.sleeps()).hasSize(openedSettings().retries());
        }

        @Test
        @Tag("CD-13")
        @DisplayName("a wait rides out transient faults between polls")
        void waitRidesOutFaults() {
            world.report(at(PUSHED, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, true));
            world.play(Advance.READ, at(PUSHED, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, true));
            world.failTransiently(APP, 2);

            assertThat(client.awaitLive(APP, PUSHED, deadline(), LINEAGE).health()).isEqualTo(CdHealth.HEALTHY);
        }
    }
}
