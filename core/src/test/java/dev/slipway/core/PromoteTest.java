package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CommitId;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitOpsWorld;
import dev.slipway.core.memory.InMemoryRegistry;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.PromotionRequest;
import dev.slipway.core.promotion.RuleResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Slipway#promote} end to end: a monorepo behind a bare remote, deployments to staging, release tags. */
class PromoteTest {

    static final ServiceId WEB = ServiceId.of("services/web");

    static final SlipwayConfig CONFIG = SlipwayConfig.parse("""
            services:
              - path: services/web
                image: ghcr.io/acme/web
              - path: services/api
            environments:
              - name: staging
                from: branch main
              - name: production
                from: release-tag
                promotion: { from: staging, rules: [release-version, verified-in-source, no-downgrade] }
            gitops:
              files: ["kubernetes/**/*.yaml"]
            """, "slipway.yaml");

    static final WriteOptions PUSH = WriteOptions.push("origin", Optional.empty());

    @TempDir
    Path tmp;

    GitOpsWorld world;
    Path work;
    String built;

    @BeforeEach
    void world() {
        world = GitOpsWorld.create(tmp);
        work = world.work();
        world.write(work, "services/web/main.go", "package main // v2\n");
        world.git(work, "add", "-A");
        world.git(work, "commit", "-q", "-m", "feat(web): v2");
        world.git(work, "push", "-q", "origin", "main");
        built = world.git(work, "rev-parse", "HEAD");
    }

    Slipway.Builder builder() {
        return Slipway.builder().repository(work).config(CONFIG);
    }

    Slipway slipway() {
        return builder().build();
    }

    String staging() {
        return "0.1.0-rc0002-g" + built.substring(0, 7);
    }

    /** CI deploys the build of {@code built} to staging; the release of that code is tagged. */
    void stagingRunsTheBuildAndItIsReleased(String release) {
        slipway().deploy(WEB, "staging", staging(), PUSH.withBuiltCommit(CommitId.of(built)));
        world.git(work, "tag", "-a", "services/web@" + release, "-m", "release", built);
    }

    @Test
    @DisplayName("a verified release is promoted: production's marker changes, pushed, with the built commit in the trailers")
    void allowed() {
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        PromotionResult result = slipway().promote(PromotionRequest.of(WEB, "production").withVersion("0.2.0"), PUSH);
        assertThat(result.denied()).isFalse();
        assertThat(result.decision().rules()).extracting(RuleResult::passed).containsExactly(true, true, true);
        assertThat(result.decision().built()).contains(CommitId.of(built));
        DeployResult deploy = result.deploy().orElseThrow();
        assertThat(deploy.pushed()).isTrue();
        assertThat(world.remoteFile(GitOpsWorld.PRODUCTION)).contains("tag: 0.2.0 # production_services/web");
        String message = world.git(world.remote(), "log", "-1", "--format=%B", "main");
        assertThat(message).contains("Slipway-Environment: production", "Slipway-Version: 0.2.0",
                "Slipway-Commit: " + built).doesNotContain("Slipway-Override");
    }

    @Test
    @DisplayName("a dry run decides and writes nothing")
    void dryRun() {
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        String before = world.git(world.remote(), "rev-parse", "main");
        PromotionResult result = slipway().promote(PromotionRequest.of(WEB, "production").withVersion("0.2.0")
                .withDryRun(true), PUSH);
        assertThat(result.decision().allowed()).isTrue();
        assertThat(result.deploy()).isEmpty();
        assertThat(world.git(world.remote(), "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    @DisplayName("an unverified release is denied with every rule's reason, and nothing is committed")
    void denied() {
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        world.write(work, "services/web/main.go", "package main // v3\n");
        world.git(work, "commit", "-q", "-am", "fix(web): v3");
        world.git(work, "tag", "-a", "services/web@0.3.0", "-m", "release");
        String before = world.git(world.remote(), "rev-parse", "main");
        PromotionResult result = slipway().promote(PromotionRequest.of(WEB, "production"), PUSH);
        assertThat(result.denied()).isTrue();
        Decision d = result.decision();
        assertThat(d.version()).as("the newest release by default").isEqualTo("0.3.0");
        assertThat(d.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("verified-in-source");
            assertThat(f.reason()).contains("it runs " + staging()).contains("differs in services/web/main.go");
        });
        assertThat(result.deploy()).isEmpty();
        assertThat(world.git(world.remote(), "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    @DisplayName("forcing a denied promotion deploys it and records the override in the trailers")
    void forced() {
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        world.write(work, "services/web/main.go", "package main // v3\n");
        world.git(work, "commit", "-q", "-am", "fix(web): v3");
        world.git(work, "tag", "-a", "services/web@0.3.0", "-m", "release");
        PromotionResult result = slipway().promote(PromotionRequest.of(WEB, "production").withForce("incident 7"), PUSH);
        assertThat(result.decision().overridden()).isTrue();
        assertThat(result.deploy()).isPresent();
        assertThat(world.git(world.remote(), "log", "-1", "--format=%B", "main"))
                .contains("Slipway-Override: verified-in-source: incident 7");
    }

    @Test
    @DisplayName("a lower version than production runs is denied unless production ran it before")
    void downgrade() {
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        assertThat(slipway().promote(PromotionRequest.of(WEB, "production").withVersion("0.2.0"), PUSH).denied()).isFalse();
        world.git(work, "tag", "-a", "services/web@0.1.5", "-m", "release", built);
        PromotionResult lower = slipway().promote(PromotionRequest.of(WEB, "production").withVersion("0.1.5"), PUSH);
        assertThat(lower.decision().failures()).extracting(RuleResult::rule).containsExactly("no-downgrade");
    }

    @Test
    @DisplayName("with --retag the verified staging image gets the release tag before production points at it")
    void retag() {
        InMemoryRegistry registry = new InMemoryRegistry();
        ImageRepository image = ImageRepository.of("ghcr.io/acme/web");
        var digest = registry.push(image, ImageTag.of(staging()));
        Slipway slipway = builder().registry(registry).build();
        slipway.deploy(WEB, "staging", staging(), PUSH.withBuiltCommit(CommitId.of(built)));
        world.git(work, "tag", "-a", "services/web@0.2.0", "-m", "release", built);
        PromotionResult result = slipway.promote(PromotionRequest.of(WEB, "production").withRetag(true), PUSH);
        assertThat(result.decision().verifiedBy()).contains(staging());
        assertThat(result.retagged()).contains(digest);
        assertThat(registry.manifest(image, ImageTag.of("0.2.0")).orElseThrow().digest()).isEqualTo(digest);
        assertThat(world.remoteFile(GitOpsWorld.PRODUCTION)).contains("tag: 0.2.0 # production_services/web");
    }

    @Test
    @DisplayName("with a registry, a version whose image is missing is refused before any manifest is written")
    void imageRequired() {
        InMemoryRegistry registry = new InMemoryRegistry();
        registry.push(ImageRepository.of("ghcr.io/acme/web"), ImageTag.of("0.0.1"));
        Slipway slipway = builder().registry(registry).build();
        String before = world.git(world.remote(), "rev-parse", "main");
        assertThatThrownBy(() -> slipway.deploy(WEB, "staging", staging(), PUSH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the image ghcr.io/acme/web:" + staging() + " does not exist in the registry");
        assertThat(world.git(world.remote(), "rev-parse", "main")).isEqualTo(before);
        SlipwayConfig relaxed = SlipwayConfig.parse(CONFIG.toYaml().replace("require-image: true", "require-image: false"),
                "relaxed");
        Slipway lenient = Slipway.builder().repository(work).config(relaxed).registry(registry).build();
        assertThat(lenient.deploy(WEB, "staging", staging(), PUSH).pushed()).isTrue();
    }

    @Test
    @DisplayName("an environment without a policy, an unknown one, or a service without releases is refused clearly")
    void refused() {
        assertThatThrownBy(() -> slipway().promote(PromotionRequest.of(WEB, "staging"), PUSH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the environment staging has no promotion policy (it is fed by branch main); deploy to it with"
                        + " slipway deploy, or give it one in slipway.yaml (environments[].promotion: { from: ..., rules:"
                        + " [...] })");
        assertThatThrownBy(() -> slipway().promote(PromotionRequest.of(WEB, "prod"), PUSH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown environment prod; configured environments: staging, production");
        assertThatThrownBy(() -> slipway().promote(PromotionRequest.of(WEB, "production").withDryRun(true), PUSH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("services/web has no release tag yet ({service}@{version}); cut a release (slipway"
                        + " release-plan, slipway release) or give --version");
        assertThatThrownBy(() -> slipway().promote(PromotionRequest.of(WEB, "production").withRetag(true), PUSH))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--retag copies the verified image");
    }

    @Test
    @DisplayName("approvals supplied by the host count, distinct")
    void approvals() {
        SlipwayConfig withApprovals = SlipwayConfig.parse(CONFIG.toYaml().replace("      from: staging\n",
                "      from: staging\n      approvals: 2\n"), "approvals");
        stagingRunsTheBuildAndItIsReleased("0.2.0");
        Slipway slipway = Slipway.builder().repository(work).config(withApprovals).build();
        PromotionRequest request = PromotionRequest.of(WEB, "production").withDryRun(true);
        assertThat(slipway.promote(request.withApprovers(Set.of("alice", "ALICE ")), PUSH).denied()).isTrue();
        assertThat(slipway.promote(request.withApprovers(Set.of("alice", "bob")), PUSH).denied()).isFalse();
    }
}
