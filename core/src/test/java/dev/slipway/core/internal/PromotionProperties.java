package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.PromotionWindow;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.DeployedVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Laws of promotion decisions, over generated candidates, environment histories, policies, approvers and
 * clocks, on one real repository ({@link PromotionWorld}).
 */
class PromotionProperties {

    static Path dir;
    static PromotionWorld world;

    @BeforeContainer
    static void build() throws IOException {
        dir = Files.createTempDirectory("promotion-properties");
        world = new PromotionWorld(dir.resolve("repo"));
    }

    @AfterContainer
    static void remove() throws IOException {
        world.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    /** Everything a decision depends on, generated. */
    record Scenario(String version, List<DeployedVersion> staging, List<String> production, Set<String> approvers,
            Instant now, Optional<Duration> soak, OptionalInt approvals, List<PromotionWindow> windows,
            List<String> rules) {

        PromotionWorld.Case toCase(List<String> ruleList) {
            Promotion p = PromotionWorld.production();
            Promotion policy = new Promotion(p.from(), List.of(), soak, approvals, windows, p.ignore());
            PromotionWorld.Case c = world.promote(version).policy(policy).rules(ruleList.toArray(String[]::new)).now(now)
                    .approvedBy(approvers.toArray(String[]::new));
            c.ran("staging", staging.toArray(DeployedVersion[]::new));
            c.ran("production", production.toArray(String[]::new));
            return c;
        }
    }

    @Property(tries = 100)
    void sameInputsAndClockGiveTheSameDecision(@ForAll("scenarios") Scenario s) {
        Decision first = s.toCase(s.rules()).decide();
        Decision second = s.toCase(s.rules()).decide();
        assertThat(second).isEqualTo(first);
        // a decision is a value: its text is stable too
        assertThat(second.describe()).isEqualTo(first.describe());
    }

    @Property(tries = 100)
    void addingARuleNeverTurnsADenyIntoAnAllow(@ForAll("scenarios") Scenario s,
            @ForAll("ruleNames") String extra) {
        Decision without = s.toCase(s.rules()).decide();
        List<String> more = new ArrayList<>(s.rules());
        if (!more.contains(extra)) {
            more.add(extra);
        }
        Decision with = s.toCase(more).decide();
        if (!without.allowed()) {
            assertThat(with.allowed()).as("adding %s to %s", extra, s.rules()).isFalse();
        }
        // the results of the rules both evaluated are the same: rules do not see each other
        for (int i = 0; i < without.rules().size(); i++) {
            assertThat(with.rules().get(i)).isEqualTo(without.rules().get(i));
        }
    }

    @Property(tries = 200)
    void anAllowWindowNeverLiftsAnOpenDenyWindow(@ForAll("scenarios") Scenario s, @ForAll("windows") PromotionWindow allow) {
        List<String> rules = List.of("freeze");
        Decision before = s.toCase(rules).decide();
        boolean denyOpen = s.windows().stream().anyMatch(w -> w.kind() == PromotionWindow.Kind.DENY && w.isOpen(s.now()));
        List<PromotionWindow> more = new ArrayList<>(s.windows());
        more.add(new PromotionWindow(PromotionWindow.Kind.ALLOW, allow.schedule(), allow.duration(), allow.start(),
                allow.end(), allow.timeZone(), allow.reason()));
        Scenario widened = new Scenario(s.version(), s.staging(), s.production(), s.approvers(), s.now(), s.soak(),
                s.approvals(), more, rules);
        Decision after = widened.toCase(rules).decide();
        if (denyOpen) {
            assertThat(before.allowed()).isFalse();
            assertThat(after.allowed()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> ruleNames() {
        return Arbitraries.of(Promotion.RULES);
    }

    @Provide
    Arbitrary<PromotionWindow> windows() {
        Arbitrary<PromotionWindow.Kind> kind = Arbitraries.of(PromotionWindow.Kind.values());
        Arbitrary<String> schedule = Arbitraries.of("0 22 * * fri", "0 8 * * mon-fri", "*/30 * * * *", "0 0 1 * *",
                "@daily", "15 3 * * sun");
        Arbitrary<Duration> duration = Arbitraries.of(Duration.ofMinutes(20), Duration.ofHours(2), Duration.ofHours(10),
                Duration.ofHours(60));
        Arbitrary<PromotionWindow> recurring = Combinators.combine(kind, schedule, duration)
                .as((k, c, d) -> new PromotionWindow(k, Optional.of(c), Optional.of(d), Optional.empty(), Optional.empty(),
                        ZoneId.of("UTC"), Optional.empty()));
        Arbitrary<PromotionWindow> range = Combinators.combine(kind, Arbitraries.integers().between(-72, 72),
                Arbitraries.integers().between(1, 96))
                .as((k, from, hours) -> new PromotionWindow(k, Optional.empty(), Optional.empty(),
                        Optional.of(PromotionWorld.NOW.plus(Duration.ofHours(from))),
                        Optional.of(PromotionWorld.NOW.plus(Duration.ofHours(from + hours))), ZoneId.of("UTC"),
                        Optional.empty()));
        return Arbitraries.oneOf(recurring, range);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        List<String> stagingVersions = List.of(PromotionWorld.staging(world.c1), PromotionWorld.staging(world.c2),
                PromotionWorld.staging(world.c3), PromotionWorld.staging(world.c4), PromotionWorld.staging(world.c5),
                PromotionWorld.staging(world.c6), "0.2.0-rc0001-gabcdef0", "hotfix-1");
        List<String> releases = List.of("0.1.0", "0.2.0", "0.3.0", "0.9.0", "1.0.0-rc.1", "hotfix-2");
        Arbitrary<String> version = Arbitraries.of(Stream.concat(releases.stream(), stagingVersions.stream()).toList());
        Arbitrary<Optional<Instant>> at = Arbitraries.integers().between(0, 72 * 60)
                .map(m -> PromotionWorld.NOW.minus(Duration.ofMinutes(m))).optional(0.8);
        Arbitrary<DeployedVersion> deployment = Combinators.combine(Arbitraries.of(stagingVersions), at,
                Arbitraries.integers().between(0, 4).map(i -> i == 0))
                .as((v, t, rollback) -> new DeployedVersion(v, Optional.empty(), Optional.empty(), t, rollback));
        Arbitrary<List<DeployedVersion>> staging = deployment.list().ofMaxSize(4);
        Arbitrary<List<String>> production = Arbitraries.of(releases).list().ofMaxSize(3);
        Arbitrary<Set<String>> approvers = Arbitraries.of("alice", "bob", "Alice", "carol").set().ofMaxSize(3);
        Arbitrary<Instant> now = Arbitraries.integers().between(-7 * 24, 7 * 24).map(h -> PromotionWorld.NOW.plus(Duration.ofHours(h)));
        Arbitrary<Optional<Duration>> soak = Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(1))
                .optional(0.5);
        Arbitrary<OptionalInt> approvals = Arbitraries.integers().between(1, 3).optional(0.5)
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<List<PromotionWindow>> windows = windows().list().ofMaxSize(3);
        Arbitrary<List<String>> rules = Arbitraries.of(Promotion.RULES).list().uniqueElements().ofMaxSize(5);
        Arbitrary<Scenario> withoutRules = Combinators.combine(version, staging, production, approvers, now, soak, approvals,
                windows).as((v, st, pr, ap, n, so, apn, w) -> new Scenario(v, st, pr, ap, n, so, apn, w, List.of()));
        return Combinators.combine(withoutRules, rules).as((sc, r) -> new Scenario(sc.version(), sc.staging(),
                sc.production(), sc.approvers(), sc.now(), sc.soak(), sc.approvals(), sc.windows(), r));
    }
}
