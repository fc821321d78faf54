package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.core.git.GitFixture;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.memory.InMemoryCdBackend;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.tck.ManualClock;
import java.time.Instant;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the facade picks its CD backend: only when named or handed in. */
class SlipwayCdTest {

    @TempDir
    Path repo;

    @Test
    @DisplayName("no cd.backend, no --cd, nothing handed in: no CD backend, even with providers on the class path")
    void noneUnlessNamed() {
        assertThat(Slipway.builder().repository(repo).build().cd()).isEmpty();
    }

    @Test
    @DisplayName("a backend handed to the builder is used, opened once with the facade's settings, and closed by close()")
    void handedIn() {
        InMemoryCdBackend memory = new InMemoryCdBackend();
        memory.app("web-staging");
        Slipway slipway = Slipway.builder().repository(repo).cd(memory).environment(Map.of("ARGOCD_AUTH_TOKEN", "t0ken"))
                .build();
        CdClient client = slipway.cd().orElseThrow();
        assertThat(slipway.cd()).containsSame(client);
        assertThat(client.state("web-staging").name()).isEqualTo("web-staging");
        assertThat(slipway.cdSettings().env("ARGOCD_AUTH_TOKEN")).contains("t0ken");
        assertThat(slipway.cdSettings().toString()).doesNotContain("t0ken");
        slipway.close();
        assertThat(slipway.cd().orElseThrow()).isNotSameAs(client);
    }

    @Test
    @DisplayName("a named id that no provider has is an error naming it, what was found and the artifact to add")
    void unknownId() {
        Slipway slipway = Slipway.builder().repository(repo).cd("cd-spinnaker").build();
        assertThatThrownBy(slipway::cd).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no CdBackend with the id 'cd-spinnaker'")
                .hasMessageContaining("dev.slipway:slipway-spi-cd-argocd");
        SlipwayConfig config = SlipwayConfig.parse("cd:\n  backend: cd-flux\n", "slipway.yaml");
        assertThatThrownBy(() -> Slipway.builder().repository(repo).config(config).build().cd())
                .hasMessageContaining("'cd-flux'");
    }

    @Test
    @DisplayName("--cd overrides cd.backend; argocd is an alias of cd-argocd; with discovery off a named id is an error")
    void overrideAndAlias() {
        SlipwayConfig config = SlipwayConfig.parse("cd:\n  backend: cd-flux\n", "slipway.yaml");
        assertThatThrownBy(() -> Slipway.builder().repository(repo).config(config).cd("argocd").build().cd())
                .hasMessageContaining("'cd-argocd'");
        assertThatThrownBy(() -> Slipway.builder().repository(repo).discoverBackends(false).cd("argocd").build().cd())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("discovery is off");
        assertThatThrownBy(() -> Slipway.builder().cd(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("adapters() lists CD backends too (none in core's own tests: the in-memory one is never registered)")
    void adapters() {
        assertThat(Slipway.adapters()).noneMatch(a -> a.id().orElse("").equals(InMemoryCdBackend.ID));
    }

    @Test
    @DisplayName("awaitLive through the facade: a later commit of this repository descends from ours; a foreign one does not")
    void awaitLiveWithTheRepositorysLineage() {
        GitFixture git = GitFixture.init(repo.resolve("platform"));
        CommitId ours = CommitId.of(git.commit("deploy web", "kubernetes/web.yaml"));
        CommitId later = CommitId.of(git.commit("deploy api", "kubernetes/api.yaml"));
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        InMemoryCdBackend memory = new InMemoryCdBackend();
        memory.app("web-staging").report(CdAppState.builder("web-staging").sync(CdSyncStatus.SYNCED)
                .revision(later.hex()).health(CdHealth.HEALTHY).autoSync(true).build());
        Slipway slipway = Slipway.builder().repository(git.dir()).cd(memory).clock(clock).sleeper(clock.sleeper()).build();

        assertThat(slipway.awaitLive("web-staging", ours, clock.instant().plusSeconds(60)).revision()).contains(later.hex());

        memory.app("web-staging").report(CdAppState.builder("web-staging").sync(CdSyncStatus.SYNCED)
                .revision("f".repeat(40)).health(CdHealth.HEALTHY).autoSync(true).build());
        assertThatThrownBy(() -> slipway.awaitLive("web-staging", ours, clock.instant().plusSeconds(60)))
                .isInstanceOfSatisfying(CdNotLiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdNotLiveException.Reason.DEADLINE));
        assertThatThrownBy(() -> Slipway.builder().repository(git.dir()).build().awaitLive("web-staging", ours,
                clock.instant())).isInstanceOf(InvalidInputException.class).hasMessageContaining("cd.backend");
    }
}
