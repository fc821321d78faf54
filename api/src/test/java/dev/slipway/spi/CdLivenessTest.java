package dev.slipway.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.CdLiveness.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The decision table of {@link CdLiveness#judge}, one row per rule of CD-8 to CD-10. */
class CdLivenessTest {

    static final CommitId OURS = CommitId.of("a".repeat(40));
    static final CommitId LATER = CommitId.of("b".repeat(40));
    static final CommitId OLDER = CommitId.of("c".repeat(40));
    static final RevisionLineage LATER_DESCENDS = revision -> revision.equals(LATER.hex());
    static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    static CdAppState.Builder live(CommitId at) {
        return CdAppState.builder("web").sync(CdSyncStatus.SYNCED).revision(at.hex()).health(CdHealth.HEALTHY)
                .reconciledAt(T.plusSeconds(5))
                .operation(op(CdOperationPhase.SUCCEEDED, at, T));
    }

    static CdOperation op(CdOperationPhase phase, CommitId at, Instant finished) {
        return new CdOperation(phase, phase == CdOperationPhase.FAILED ? "hook failed" : "", List.of(at.hex()),
                Optional.of(finished.minusSeconds(30)), phase.isCompleted() ? Optional.of(finished) : Optional.empty());
    }

    static Step step(CdAppState state) {
        return CdLiveness.judge(state, OURS, LATER_DESCENDS).step();
    }

    @Test
    @DisplayName("CD-8: Synced, Healthy, Succeeded, fresh, at the commit or a descendant is live; at an older commit it is not")
    void live() {
        assertThat(step(live(OURS).build())).isEqualTo(Step.LIVE);
        assertThat(step(live(LATER).build())).isEqualTo(Step.LIVE);
        assertThat(step(live(OLDER).build())).isEqualTo(Step.CATCH_UP);
        assertThat(CdLiveness.judge(live(LATER).build(), OURS, RevisionLineage.exactOnly()).step()).isEqualTo(Step.CATCH_UP);
        assertThat(step(live(OURS).operation(Optional.empty()).build())).as("no operation at all").isEqualTo(Step.LIVE);
    }

    @Test
    @DisplayName("CD-8: reconciledAt before the operation's finishedAt (or missing) is stale: refresh")
    void stale() {
        CdAppState stale = live(OURS).reconciledAt(T.minusSeconds(1)).build();
        assertThat(stale.isStale()).isTrue();
        assertThat(step(stale)).isEqualTo(Step.REFRESH);
        assertThat(step(live(OURS).reconciledAt(Optional.empty()).build())).isEqualTo(Step.REFRESH);
        assertThat(step(live(OURS).reconciledAt(T).build())).as("equal times are fresh").isEqualTo(Step.LIVE);
    }

    @Test
    @DisplayName("CD-8: ComparisonError and InvalidSpecError fail; a warning or another error does not")
    void conditions() {
        CdAppState comparison = live(OURS).conditions(List.of(CdCondition.of("ComparisonError", "repo unreachable"))).build();
        assertThat(CdLiveness.judge(comparison, OURS, LATER_DESCENDS).failure())
                .contains(CdNotLiveException.Reason.ERROR_CONDITION);
        assertThat(step(live(OLDER).conditions(List.of(CdCondition.of("InvalidSpecError", "x"))).build())).isEqualTo(Step.FAIL);
        assertThat(step(live(OURS).conditions(List.of(CdCondition.of("RepeatedResourceWarning", "x"),
                CdCondition.of("SharedResourceWarning", "y"))).build())).isEqualTo(Step.LIVE);
    }

    @Test
    @DisplayName("CD-10: Progressing, Suspended and Unknown at the commit wait; Degraded and Missing fail")
    void health() {
        Map<CdHealth, Step> expected = Map.of(CdHealth.HEALTHY, Step.LIVE, CdHealth.PROGRESSING, Step.WAIT,
                CdHealth.SUSPENDED, Step.WAIT, CdHealth.UNKNOWN, Step.WAIT, CdHealth.DEGRADED, Step.FAIL,
                CdHealth.MISSING, Step.FAIL);
        expected.forEach((health, step) -> assertThat(step(live(OURS).health(health).build())).as(health.name()).isEqualTo(step));
        assertThat(step(live(OLDER).health(CdHealth.DEGRADED).build())).as("an older revision's health is not ours")
                .isEqualTo(Step.CATCH_UP);
    }

    @Test
    @DisplayName("CD-10: a running operation waits; a failed sync of the commit fails; a failed older sync needs catching up")
    void operations() {
        assertThat(step(live(OLDER).operation(op(CdOperationPhase.RUNNING, OURS, T)).build())).isEqualTo(Step.WAIT);
        assertThat(step(live(OLDER).operation(op(CdOperationPhase.TERMINATING, OURS, T)).build())).isEqualTo(Step.WAIT);
        CdAppState failed = live(OLDER).operation(op(CdOperationPhase.FAILED, OURS, T)).build();
        assertThat(CdLiveness.judge(failed, OURS, LATER_DESCENDS).failure()).contains(CdNotLiveException.Reason.OPERATION_FAILED);
        assertThat(CdLiveness.judge(failed, OURS, LATER_DESCENDS).why()).contains("hook failed");
        assertThat(step(live(OLDER).operation(op(CdOperationPhase.ERROR, LATER, T)).build())).isEqualTo(Step.FAIL);
        assertThat(step(live(OURS).operation(op(CdOperationPhase.FAILED, OLDER, T)).build())).isEqualTo(Step.CATCH_UP);
        assertThat(CdOperationPhase.fromWire("Exploded")).as("an unknown phase is never a success").isEqualTo(CdOperationPhase.ERROR);
    }

    @Test
    @DisplayName("CD-8: OutOfSync or Unknown at the commit needs catching up")
    void outOfSync() {
        assertThat(step(live(OURS).sync(CdSyncStatus.OUT_OF_SYNC).build())).isEqualTo(Step.CATCH_UP);
        assertThat(step(live(OURS).sync(CdSyncStatus.UNKNOWN).build())).isEqualTo(Step.CATCH_UP);
        assertThat(step(live(OURS).revisions(List.of()).build())).as("no revision").isEqualTo(Step.CATCH_UP);
    }

    @Test
    @DisplayName("CD-8: a multi-source application is at the commit when any source's revision reaches it")
    void multiSource() {
        assertThat(step(live(OURS).revisions(List.of("1.2.3", OURS.hex())).build())).isEqualTo(Step.LIVE);
        assertThat(step(live(OURS).revisions(List.of("1.2.3", OLDER.hex())).build())).isEqualTo(Step.CATCH_UP);
    }

    @Test
    @DisplayName("CD-3: application names are Kubernetes object names")
    void appNames() {
        assertThat(CdClient.checkAppName("go-backend-helm.prod")).isEqualTo("go-backend-helm.prod");
        for (String bad : List.of("", "Web", "-web", "web-", "a/b", "web app", "x".repeat(254))) {
            assertThatThrownBy(() -> CdClient.checkAppName(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Kubernetes object name");
        }
    }

    @Test
    @DisplayName("CD-12: the settings' toString names no environment value")
    void settingsHideTheEnvironment() {
        CdSettings settings = CdSettings.builder().server(Optional.of("argocd.example.com"))
                .environment(Map.of("ARGOCD_AUTH_TOKEN", "s3cr3t-token")).build();
        assertThat(settings.toString()).contains("argocd.example.com").doesNotContain("s3cr3t");
        assertThat(settings.env("ARGOCD_AUTH_TOKEN")).contains("s3cr3t-token");
        assertThat(settings.env("ARGOCD_SERVER")).isEmpty();
    }

    @Test
    @DisplayName("wire names map both ways; unknown words are Unknown")
    void wireNames() {
        for (CdHealth h : CdHealth.values()) {
            assertThat(CdHealth.fromWire(h.wireName())).isEqualTo(h);
        }
        for (CdSyncStatus s : CdSyncStatus.values()) {
            assertThat(CdSyncStatus.fromWire(s.wireName())).isEqualTo(s);
        }
        for (CdOperationPhase p : CdOperationPhase.values()) {
            assertThat(CdOperationPhase.fromWire(p.wireName())).isEqualTo(p);
        }
        assertThat(CdHealth.fromWire("Weird")).isEqualTo(CdHealth.UNKNOWN);
        assertThat(CdSyncStatus.fromWire(null)).isEqualTo(CdSyncStatus.UNKNOWN);
    }
}
