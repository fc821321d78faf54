package dev.slipway.core;

import static dev.slipway.core.git.GitOpsWorld.STAGING;
import static dev.slipway.core.git.GitOpsWorld.STAGING_VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.git.GitOpsWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback, history, status and change detection on real repositories. */
class RollbackStatusTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final ServiceId API = ServiceId.of("services/api");
    static final String V1 = "0.1.0-rc0001-gaaaaaaa";
    static final String V2 = "0.1.1-rc0002-gbbbbbbb";
    static final String V3 = "0.1.1-rc0003-gccccccc";

    @TempDir
    Path tmp;

    GitOpsWorld world;
    Slipway slipway;

    @BeforeEach
    void world() {
        world = GitOpsWorld.create(tmp);
        slipway = Slipway.builder().repository(world.work()).build();
    }

    String git(String... args) {
        return world.git(world.work(), args);
    }

    String stagingWeb() {
        return slipway.status().services().stream().filter(s -> s.service().equals(WEB)).findFirst().orElseThrow()
                .environments().get("staging").version().orElseThrow();
    }

    @Test
    @DisplayName("rollback deploys the previous distinct version; again, the one before (rolled-back versions are skipped)")
    void previousDistinct() {
        String built = git("rev-parse", "HEAD");
        slipway.deploy(WEB, "staging", V2, WriteOptions.commit());
        slipway.deploy(WEB, "staging", V3, WriteOptions.commit());
        DeployResult first = slipway.rollback(WEB, "staging", Optional.empty(), WriteOptions.commit());
        assertThat(first.single().version()).isEqualTo(V2);
        assertThat(git("log", "-1", "--format=%s")).isEqualTo("fix: rollback web to " + V2);
        assertThat(git("log", "-1", "--format=%(trailers:key=Slipway-Previous,key=Slipway-Commit,valueonly)").lines())
                .containsExactly(V3, built);
        DeployResult second = slipway.rollback(WEB, "staging", Optional.empty(), WriteOptions.commit());
        assertThat(second.single().version()).isEqualTo(V1);
        assertThat(stagingWeb()).isEqualTo(V1);
        assertThat(slipway.history(WEB, "staging", Optional.empty())).extracting(DeploymentRecord::version, DeploymentRecord::rollback)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(V1, true), org.assertj.core.groups.Tuple.tuple(V2, true),
                        org.assertj.core.groups.Tuple.tuple(V3, false), org.assertj.core.groups.Tuple.tuple(V2, false),
                        org.assertj.core.groups.Tuple.tuple(V1, false));
    }

    @Test
    @DisplayName("--to V works when V ran there before; any other V needs an override, recorded as Slipway-Override")
    void rollbackTo() {
        slipway.deploy(WEB, "staging", V2, WriteOptions.commit());
        slipway.deploy(WEB, "staging", V3, WriteOptions.commit());
        slipway.rollback(WEB, "staging", Optional.of(V2), WriteOptions.commit());
        assertThat(stagingWeb()).isEqualTo(V2);
        String head = git("rev-parse", "HEAD");
        assertThatThrownBy(() -> slipway.rollback(WEB, "staging", Optional.of("9.9.9"), WriteOptions.commit()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("9.9.9 never ran in staging")
                .hasMessageContaining("--force");
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        slipway.rollback(WEB, "staging", Optional.of("9.9.9"), WriteOptions.commit().withOverride("hotfix image from the registry"));
        assertThat(git("log", "-1", "--format=%(trailers:key=Slipway-Override,valueonly)").strip())
                .isEqualTo("rollback-history: hotfix image from the registry");
        assertThat(stagingWeb()).isEqualTo("9.9.9");
    }

    @Test
    @DisplayName("without Slipway trailers the marker's file history is the fallback (the kit's hand-made commits)")
    void fileHistoryFallback() {
        world.write(world.work(), STAGING, STAGING_VALUES.replace(V1, V2));
        git("commit", "-q", "-am", "chore: web to rc2");
        world.write(world.work(), STAGING, STAGING_VALUES.replace(V1, V3).replace("replicas: 2", "replicas: 3"));
        git("commit", "-q", "-am", "chore: web to rc3");
        world.write(world.work(), STAGING, STAGING_VALUES.replace(V1, V3).replace("replicas: 2", "replicas: 4"));
        git("commit", "-q", "-am", "chore: more replicas");
        List<DeploymentRecord> history = slipway.history(WEB, "staging", Optional.empty());
        assertThat(history).extracting(DeploymentRecord::version).containsExactly(V3, V2, V1);
        assertThat(history).allMatch(r -> r.source() == DeploymentRecord.Source.FILES);
        DeployResult rolledBack = slipway.rollback(WEB, "staging", Optional.empty(), WriteOptions.commit());
        assertThat(rolledBack.single().version()).isEqualTo(V2);
        assertThat(git("log", "-1", "--format=%s")).isEqualTo("fix: rollback web to " + V2);
    }

    @Test
    @DisplayName("no earlier version is a clear error")
    void nothingEarlier() {
        assertThatThrownBy(() -> slipway.rollback(WEB, "staging", Optional.empty(), WriteOptions.commit()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no earlier version");
    }

    @Test
    @DisplayName("with --push, rollback reads the history and the current version at the fetched remote tip")
    void rollbackWithPush() {
        Path other = world.clone("other-deployer");
        Slipway elsewhere = Slipway.builder().repository(other).build();
        elsewhere.deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
        elsewhere.deploy(WEB, "staging", V3, WriteOptions.push("origin", Optional.empty()));
        DeployResult result = slipway.rollback(WEB, "staging", Optional.empty(), WriteOptions.push("origin", Optional.empty()));
        assertThat(result.single().version()).isEqualTo(V2);
        assertThat(world.remoteFile(STAGING)).contains("tag: " + V2);
    }

    @Test
    @DisplayName("status: every service in every environment at HEAD, or at the fetched remote tip")
    void status() {
        EnvironmentStatus atHead = slipway.status();
        assertThat(atHead.source()).isEqualTo("HEAD");
        assertThat(atHead.services()).extracting(s -> s.service().path()).containsExactly("services/api", "services/web");
        EnvironmentStatus.ServiceStatus web = atHead.services().get(1);
        assertThat(web.environments().keySet()).containsExactly("staging", "production");
        assertThat(web.environments().get("staging")).isEqualTo(new EnvironmentStatus.Deployed(Optional.of(V1), List.of(STAGING)));
        assertThat(web.environments().get("production").version()).contains("0.1.0");

        Slipway.builder().repository(world.clone("other")).build().deploy(API, "staging", "0.2.0",
                WriteOptions.push("origin", Optional.empty()));
        EnvironmentStatus remote = slipway.status("origin", Optional.empty());
        assertThat(remote.source()).isEqualTo("origin/main");
        assertThat(remote.commit()).isEqualTo(CommitId.of(world.git(world.remote(), "rev-parse", "main")));
        assertThat(remote.services().get(0).environments().get("staging").version()).contains("0.2.0");
        assertThat(slipway.status().services().get(0).environments().get("staging").version()).contains("0.1.0");
        assertThat(slipway.status("nowhere", Optional.empty()).source()).isEqualTo("HEAD");
    }

    @Test
    @DisplayName("changed: files holding markers are configuration, so a deployment commit changes no service")
    void deploymentsChangeNoService() {
        String before = git("rev-parse", "HEAD");
        slipway.deploy(WEB, "staging", V2, WriteOptions.commit());
        assertThat(slipway.changed(before, Optional.empty()).services()).isEmpty();
        world.write(world.work(), "services/web/handler.go", "package main\n");
        world.write(world.work(), "services/web/values.yaml", "replicas: 2\n");
        git("add", "-A");
        git("commit", "-q", "-m", "feat(web): handler");
        assertThat(slipway.changed(before, Optional.empty()).services()).containsExactly(WEB);
        // a values file inside the service's directory that holds a marker is configuration too
        String again = git("rev-parse", "HEAD");
        world.write(world.work(), "services/api/deploy/values.yaml", "tag: 1.0.0 # staging_services/api\n");
        git("add", "-A");
        git("commit", "-q", "-m", "api values with a marker");
        assertThat(slipway.changed(again, Optional.empty()).services()).isEmpty();
    }
}
