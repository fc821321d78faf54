package dev.slipway.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.core.memory.InMemoryCdBackend.Advance;
import dev.slipway.spi.CdAppNotFoundException;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.tck.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory backend's own scripting surface; the contract kit checks the rules. */
class InMemoryCdBackendTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final CommitId OLD = CommitId.of("1".repeat(40));
    static final CommitId NEW = CommitId.of("2".repeat(40));

    final ManualClock clock = new ManualClock(T0);
    final InMemoryCdBackend backend = new InMemoryCdBackend();
    final CdClient client = backend.open(CdSettings.builder().clock(clock).sleeper(clock.sleeper()).build());

    static CdAppState state(CdSyncStatus sync, CommitId at, CdHealth health, CdOperationPhase phase, Instant t) {
        return CdAppState.builder("web").sync(sync).revision(at.hex()).health(health).reconciledAt(t)
                .operation(new CdOperation(phase, "", List.of(at.hex()), Optional.of(t.minusSeconds(10)),
                        phase.isCompleted() ? Optional.of(t) : Optional.empty()))
                .build();
    }

    @Test
    @DisplayName("OutOfSync -> sync -> Progressing -> Healthy: one sync without a revision, live at the commit, clock moved by polls only")
    void manualSync() {
        backend.app("web")
                .report(state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, T0))
                .play(Advance.SYNC, state(CdSyncStatus.OUT_OF_SYNC, OLD, CdHealth.HEALTHY, CdOperationPhase.RUNNING, T0))
                .play(Advance.READ, state(CdSyncStatus.SYNCED, NEW, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, T0.plusSeconds(20)))
                .play(Advance.READ, state(CdSyncStatus.SYNCED, NEW, CdHealth.HEALTHY, CdOperationPhase.SUCCEEDED, T0.plusSeconds(20)));

        CdAppState live = client.awaitLive("web", NEW, T0.plus(Duration.ofMinutes(5)));

        assertThat(live.health()).isEqualTo(CdHealth.HEALTHY);
        assertThat(live.revision()).contains(NEW.hex());
        assertThat(backend.app("web").syncRequests()).containsExactly(Optional.empty());
        assertThat(clock.instant()).isEqualTo(T0.plus(clock.slept()));
        assertThat(clock.sleeps()).allMatch(d -> d.equals(CdSettings.DEFAULT_POLL_INTERVAL));
    }

    @Test
    @DisplayName("a state that never gets there ends at the deadline, without sleeping past it")
    void deadline() {
        backend.app("web").report(state(CdSyncStatus.SYNCED, NEW, CdHealth.PROGRESSING, CdOperationPhase.SUCCEEDED, T0));
        Instant deadline = T0.plusSeconds(12);
        assertThatThrownBy(() -> client.awaitLive("web", NEW, deadline))
                .isInstanceOfSatisfying(CdNotLiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEADLINE);
                    assertThat(e.lastState()).map(CdAppState::health).contains(CdHealth.PROGRESSING);
                });
        assertThat(clock.instant()).isEqualTo(deadline);
    }

    @Test
    @DisplayName("an application never scripted or removed is missing")
    void missing() {
        assertThatThrownBy(() -> client.state("api")).isInstanceOf(CdAppNotFoundException.class).hasMessageContaining("api");
        backend.app("api");
        assertThat(client.state("api").sync()).isEqualTo(CdSyncStatus.UNKNOWN);
        backend.remove("api");
        assertThatThrownBy(() -> client.history("api")).isInstanceOf(CdAppNotFoundException.class);
    }
}
