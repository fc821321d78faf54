package dev.slipway.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.slipway.api.CommitId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** guava-testlib over the CD values: nulls rejected, equality by value, builders that round-trip. */
class CdValuesTest {

    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    @DisplayName("every public constructor and method of the CD values rejects null")
    void nulls() {
        NullPointerTester tester = new NullPointerTester().setDefault(Instant.class, T)
                .setDefault(Duration.class, Duration.ofSeconds(1)).setDefault(CommitId.class, CommitId.of("a".repeat(40)))
                .setDefault(CdSettings.class, CdSettings.builder().build())
                .setDefault(CdAppState.class, CdAppState.builder("web").build())
                .setDefault(RevisionLineage.class, RevisionLineage.exactOnly())
                .setDefault(Sleeper.class, d -> { });
        for (Class<?> type : List.of(CdAppState.class, CdOperation.class, CdCondition.class, CdDeployment.class,
                CdSettings.class, CdLiveness.class, CdClient.class, CdFrozenException.class, CdNotLiveException.class,
                CdAppNotFoundException.class)) {
            tester.testAllPublicStaticMethods(type);
            tester.testAllPublicConstructors(type);
        }
        tester.testAllPublicInstanceMethods(CdAppState.builder("web"));
        tester.testAllPublicInstanceMethods(CdSettings.builder());
    }

    @Test
    @DisplayName("states are equal by value; toBuilder().build() is the same state")
    void equality() {
        CdAppState a = CdAppState.builder("web").sync(CdSyncStatus.SYNCED).revision("abc").health(CdHealth.HEALTHY)
                .operation(new CdOperation(CdOperationPhase.SUCCEEDED, "", List.of("abc"), Optional.of(T), Optional.of(T)))
                .reconciledAt(T).images(List.of("img:1")).conditions(List.of(CdCondition.of("SyncError", "x")))
                .autoSync(true).build();
        new EqualsTester()
                .addEqualityGroup(a, a.toBuilder().build())
                .addEqualityGroup(a.toBuilder().autoSync(false).build())
                .addEqualityGroup(a.toBuilder().revision("abd").build())
                .addEqualityGroup(CdAppState.builder("web").build())
                .testEquals();
        assertThat(a.summary()).isEqualTo("web: Synced at abc, Healthy, last operation Succeeded");
        assertThat(CdCondition.of("SyncError", "x").isError()).isTrue();
        assertThat(CdCondition.of("SharedResourceWarning", "x").isError()).isFalse();
    }
}
