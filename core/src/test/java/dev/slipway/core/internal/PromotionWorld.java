package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitFixture;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.DeployedVersion;
import dev.slipway.core.promotion.EnvironmentState;
import dev.slipway.git.jgit.JGitBackend;
import dev.slipway.spi.GitRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One real repository shaped for promotion tests, built once with the git CLI:
 *
 * <pre>
 * c1  services/web/main.go, services/api/main.go, libs/common/util.go   tag services/web@0.1.0
 * c2  services/web/main.go changed
 * c3  services/web/CHANGELOG.md, .slipway/versions.json changed          tag services/web@0.2.0
 * c4  services/api/main.go changed (another service)
 * c5  libs/common/util.go changed (a library web's filters include)      tag services/web@0.3.0
 * c6  services/web/README.md changed (excluded by web's filters)
 * </pre>
 *
 * and a case builder that evaluates rules against it.
 */
final class PromotionWorld implements AutoCloseable {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final Instant NOW = Instant.parse("2024-03-06T12:00:00Z");

    static final SlipwayConfig CONFIG = SlipwayConfig.parse("""
            services:
              - path: services/web
                paths: ["services/web/**", "libs/common/**", "!**/README.md"]
                image: ghcr.io/acme/web
                cd: { staging: web-staging, production: web-prod }
              - path: services/api
            environments:
              - name: staging
                from: branch main
              - name: production
                from: release-tag
                promotion: { from: staging, rules: [release-version, verified-in-source, no-downgrade] }
            """, "slipway.yaml");

    final GitFixture git;
    final GitRepository repo;
    final String c1;
    final String c2;
    final String c3;
    final String c4;
    final String c5;
    final String c6;

    PromotionWorld(Path dir) {
        git = GitFixture.init(dir);
        c1 = git.commit("feat: first", "services/web/main.go", "services/api/main.go", "libs/common/util.go");
        git.tag("services/web@0.1.0");
        c2 = git.commit("feat(web): more", "services/web/main.go");
        c3 = git.commit("chore(main): release web 0.2.0", "services/web/CHANGELOG.md", ".slipway/versions.json");
        git.annotatedTag("services/web@0.2.0");
        c4 = git.commit("fix(api): other service", "services/api/main.go");
        c5 = git.commit("fix(common): shared library", "libs/common/util.go");
        git.tag("services/web@0.3.0");
        c6 = git.commit("docs(web): readme", "services/web/README.md");
        repo = new JGitBackend().open(dir);
    }

    /** A staging version of web built from a commit. */
    static String staging(String commit) {
        return "0.2.0-rc0001-g" + commit.substring(0, 7);
    }

    static ServiceConfig web() {
        return CONFIG.service(WEB).orElseThrow();
    }

    static Promotion production() {
        return CONFIG.environment("production").orElseThrow().promotion().orElseThrow();
    }

    /** A deployment of a version made at a time, by a deploy commit when given. */
    static DeployedVersion at(String version, String time) {
        return new DeployedVersion(version, Optional.empty(), Optional.empty(), Optional.of(Instant.parse(time)), false);
    }

    Case promote(String version) {
        return new Case(version);
    }

    @Override
    public void close() {
        repo.close();
    }

    /** One promotion to production, with everything a rule reads. */
    final class Case {

        String version;
        Promotion policy = production();
        List<String> rules;
        final Map<String, List<DeployedVersion>> history = new HashMap<>();
        Instant now = NOW;
        Set<String> approvers = new LinkedHashSet<>();
        boolean retag;
        PromotionBackends backends = PromotionBackends.NONE;

        Case(String version) {
            this.version = version;
        }

        Case rules(String... names) {
            rules = List.of(names);
            return this;
        }

        Case policy(Promotion p) {
            policy = p;
            return this;
        }

        /** The environment's deployments, newest first. */
        Case ran(String environment, DeployedVersion... deployments) {
            history.computeIfAbsent(environment, e -> new ArrayList<>()).addAll(List.of(deployments));
            return this;
        }

        Case ran(String environment, String... versions) {
            for (String v : versions) {
                ran(environment, DeployedVersion.of(v));
            }
            return this;
        }

        Case now(Instant instant) {
            now = instant;
            return this;
        }

        Case approvedBy(String... people) {
            approvers.addAll(List.of(people));
            return this;
        }

        Case retag() {
            retag = true;
            return this;
        }

        Case backends(PromotionBackends b) {
            backends = b;
            return this;
        }

        PromotionInput input() {
            Map<String, EnvironmentState> states = new HashMap<>();
            history.forEach((env, list) -> states.put(env, new EnvironmentState(env, list)));
            return new PromotionInput(CONFIG, web(), "production", policy, rules != null ? rules : policy.effectiveRules(),
                    version, states, repo, backends, Clock.fixed(now, ZoneOffset.UTC), approvers, retag);
        }

        Decision decide() {
            return PromotionEngine.decide(input(), Optional.empty());
        }

        /** The one rule's result. */
        dev.slipway.core.promotion.RuleResult only(String rule) {
            rules = List.of(rule);
            return decide().rules().get(0);
        }
    }

    static CommitId id(String hex) {
        return CommitId.of(hex);
    }
}
