package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitOpsWorld;
import dev.slipway.core.memory.InMemoryCdBackend;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.tck.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with a CD backend: {@code deploy --wait} ({@link Slipway#awaitLive}) and {@code status}'s CD state. */
class CdWiringTest {

    static final ServiceId WEB = ServiceId.of("services/web");

    static final SlipwayConfig CONFIG = SlipwayConfig.parse("""
            services:
              - path: services/web
                cd: { staging: web-staging }
              - path: services/api
            gitops:
              files: ["kubernetes/**/*.yaml"]
            """, "slipway.yaml");

    static final WriteOptions PUSH = WriteOptions.push("origin", Optional.empty());

    @TempDir
    Path tmp;

    GitOpsWorld world;
    InMemoryCdBackend cd = new InMemoryCdBackend();
    ManualClock clock = new ManualClock(Instant.parse("2024-03-06T12:00:00Z"));
    Slipway slipway;

    @BeforeEach
    void world() {
        world = GitOpsWorld.create(tmp);
        slipway = Slipway.builder().repository(world.work()).config(CONFIG).cd(cd).environment(Map.of()).clock(clock)
                .sleeper(clock.sleeper()).build();
    }

    CdAppState at(String revision, CdHealth health) {
        return CdAppState.builder("web-staging").sync(CdSyncStatus.SYNCED).health(health).revision(revision)
                .reconciledAt(clock.instant()).autoSync(true).build();
    }

    @Test
    @DisplayName("--wait accepts a later commit that descends from the deployment, fetching it when it is not known here")
    void descendant() {
        DeployResult result = slipway.deploy(WEB, "staging", "0.2.0", PUSH);
        CommitId deployed = result.commit().orElseThrow();
        String later = world.otherWriterCommits("docs: after us", "README.md", "later\n");
        cd.app("web-staging").report(at(later, CdHealth.HEALTHY));
        List<CdAppState> live = slipway.awaitLive(result, PUSH, Duration.ofMinutes(5));
        assertThat(live).singleElement().satisfies(s -> assertThat(s.revision()).contains(later));
        assertThat(deployed.hex()).isNotEqualTo(later);
    }

    @Test
    @DisplayName("--wait gives up at the deadline on the facade's clock while the application stays behind, and fails on Degraded")
    void behindAndDegraded() {
        String before = world.git(world.work(), "rev-parse", "HEAD");
        DeployResult result = slipway.deploy(WEB, "staging", "0.2.0", PUSH);
        cd.app("web-staging").report(at(before, CdHealth.HEALTHY));
        assertThatThrownBy(() -> slipway.awaitLive(result, PUSH, Duration.ofMinutes(2)))
                .isInstanceOfSatisfying(CdNotLiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEADLINE));
        assertThat(clock.slept()).isGreaterThan(Duration.ZERO).isLessThanOrEqualTo(Duration.ofMinutes(2));
        cd.app("web-staging").report(at(result.commit().orElseThrow().hex(), CdHealth.DEGRADED));
        assertThatThrownBy(() -> slipway.awaitLive(result, PUSH, Duration.ofMinutes(2)))
                .isInstanceOfSatisfying(CdNotLiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEGRADED));
    }

    @Test
    @DisplayName("--wait needs a pushed commit; without a CD backend it is refused")
    void refused() {
        DeployResult committed = slipway.deploy(WEB, "staging", "0.2.0", WriteOptions.commit());
        assertThatThrownBy(() -> slipway.awaitLive(committed, PUSH, Duration.ofMinutes(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("give --push");
        Slipway without = Slipway.builder().repository(world.work()).config(CONFIG).build();
        assertThatThrownBy(() -> without.awaitLive(committed, PUSH, Duration.ofMinutes(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--wait needs a CD backend");
    }

    @Test
    @DisplayName("status carries each configured application's state; environments without an application have none")
    void status() {
        String head = world.git(world.work(), "rev-parse", "HEAD");
        cd.app("web-staging").report(at(head, CdHealth.HEALTHY));
        EnvironmentStatus status = slipway.status("origin", Optional.empty());
        EnvironmentStatus.ServiceStatus web = status.services().stream().filter(s -> s.service().equals(WEB))
                .findFirst().orElseThrow();
        assertThat(web.environments().get("staging").cd()).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("web-staging");
            assertThat(s.health()).isEqualTo(CdHealth.HEALTHY);
        });
        assertThat(web.environments().get("production").cd()).isEmpty();
        assertThat(status.table()).contains("0.1.0-rc0001-gaaaaaaa (Synced, Healthy)");
    }
}
