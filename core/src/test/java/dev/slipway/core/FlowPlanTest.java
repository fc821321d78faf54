package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plans of the CI events: a push to a branch and a release tag, on real repositories. */
class FlowPlanTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final ServiceId API = ServiceId.of("services/api");

    static final SlipwayConfig CONFIG = SlipwayConfig.parse("""
            services:
              - path: services/web
                image: ghcr.io/acme/web
              - path: services/api
            environments:
              - name: dev
                from: branch develop
              - name: staging
                from: branch main
              - name: production
                from: release-tag
                promotion: { from: staging }
              - name: eu-production
                from: release-tag
            """, "slipway.yaml");

    @TempDir
    Path tmp;

    GitFixture git;

    @BeforeEach
    void repo() {
        git = GitFixture.init(tmp.resolve("repo"));
    }

    Slipway slipway() {
        return Slipway.builder().repository(git.dir()).config(CONFIG).build();
    }

    @Test
    @DisplayName("a push builds the changed services' staging versions and deploys them to the environments its branch feeds")
    void push() {
        String before = git.commit("feat: both", "services/web/a", "services/api/a");
        git.tag("services/web@0.2.0");
        String after = git.commit("fix(web): one", "services/web/a");
        FlowPlan plan = slipway().onPush("main", before, Optional.of(after));
        assertThat(plan.trigger()).isEqualTo("push to main (" + before.substring(0, 7) + ".." + after.substring(0, 7) + ")");
        assertThat(plan.builds()).extracting(BuildVersion::service).containsExactly(WEB);
        assertThat(plan.builds().get(0).version()).hasToString("0.2.1-rc0001-g" + after.substring(0, 7));
        assertThat(plan.deployments()).containsExactly(new PlannedDeployment(WEB, "staging",
                "0.2.1-rc0001-g" + after.substring(0, 7), plan.builds().get(0).commit(), Optional.of("ghcr.io/acme/web")));
        assertThat(plan.deployments().get(0).imageReference()).contains("ghcr.io/acme/web:0.2.1-rc0001-g" + after.substring(0, 7));
    }

    @Test
    @DisplayName("a push that changes no service plans nothing; a new branch builds every service")
    void nothingAndEverything() {
        String a = git.commit("feat: both", "services/web/a", "services/api/a");
        String b = git.commit("docs: readme", "README.md");
        assertThat(slipway().onPush("main", a, Optional.of(b)).isEmpty()).isTrue();
        FlowPlan all = slipway().onPush("develop", "0".repeat(40), Optional.of(b));
        assertThat(all.builds()).extracting(BuildVersion::service).containsExactly(API, WEB);
        assertThat(all.deployments()).extracting(PlannedDeployment::environment).containsExactly("dev", "dev");
        assertThat(all.trigger()).startsWith("push to develop (new branch..");
    }

    @Test
    @DisplayName("a release tag builds exactly its version at its commit and deploys it to every release-tag environment")
    void releaseTag() {
        String c = git.commit("feat: web", "services/web/a");
        git.annotatedTag("services/web@0.3.0");
        git.commit("fix: later", "services/web/a");
        FlowPlan plan = slipway().onReleaseTag("refs/tags/services/web@0.3.0");
        assertThat(plan.trigger()).isEqualTo("release tag services/web@0.3.0");
        assertThat(plan.builds()).singleElement().satisfies(b -> {
            assertThat(b.version()).hasToString("0.3.0");
            assertThat(b.commit().hex()).isEqualTo(c);
        });
        assertThat(plan.deployments()).extracting(PlannedDeployment::environment).containsExactly("production", "eu-production");
    }

    @Test
    @DisplayName("a tag that is no release tag, or does not exist, is refused with what was expected")
    void badTags() {
        git.commit("feat: web", "services/web/a");
        git.tag("v1");
        assertThatThrownBy(() -> slipway().onReleaseTag("v1")).isInstanceOf(InvalidInputException.class)
                .hasMessage("v1 is not a release tag of any service (expected {service}@{version} with a release version"
                        + " X.Y.Z); known services: services/web, services/api");
        assertThatThrownBy(() -> slipway().onReleaseTag("services/web@9.9.9")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("the tag services/web@9.9.9 does not exist in this repository");
    }
}
