package dev.slipway.core.internal;

import static dev.slipway.core.internal.PromotionWorld.at;
import static dev.slipway.core.internal.PromotionWorld.staging;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.CommitId;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.PromotionWindow;
import dev.slipway.core.memory.InMemoryCdBackend;
import dev.slipway.core.memory.InMemoryRegistry;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.DeployedVersion;
import dev.slipway.core.promotion.RuleResult;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistrySettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in promotion rule, allowed and denied, with the reason it gives; on a real repository. */
class PromotionRulesTest {

    @TempDir
    static Path tmp;

    static PromotionWorld world;

    @BeforeAll
    static void build() {
        world = new PromotionWorld(tmp.resolve("repo"));
    }

    @AfterAll
    static void close() {
        world.close();
    }

    static String sha(String commit) {
        return commit.substring(0, 7);
    }

    @Nested
    @DisplayName("release-version: the candidate is X.Y.Z")
    class ReleaseVersion {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
            0.2.0                  | true  | 0.2.0 is a release version
            10.20.30               | true  | 10.20.30 is a release version
            0.2.0-rc0001-gabcdef0  | false | 0.2.0-rc0001-gabcdef0 is not a release version X.Y.Z: it has the pre-release 'rc0001-gabcdef0'; cut a release (slipway release) and promote it
            1.0.0-rc.1             | false | 1.0.0-rc.1 is not a release version X.Y.Z: it has the pre-release 'rc.1'; cut a release (slipway release) and promote it
            1.0.0+build.5          | false | 1.0.0+build.5 is not a release version X.Y.Z: it has build metadata 'build.5'
            hotfix-123             | false | hotfix-123 is not a release version X.Y.Z (not SemVer); promote a release of services/web
            v1.0.0                 | false | v1.0.0 is not a release version X.Y.Z (not SemVer); promote a release of services/web
            """)
        void table(String version, boolean passed, String reason) {
            assertThat(world.promote(version).only("release-version")).isEqualTo(new RuleResult("release-version", passed, reason));
        }
    }

    @Nested
    @DisplayName("verified-in-source: the source ran a version with the candidate's service tree")
    class VerifiedInSource {

        RuleResult verify(String version, DeployedVersion... staging) {
            return world.promote(version).ran("staging", staging).only("verified-in-source");
        }

        @Test
        @DisplayName("a release whose tree differs only in CHANGELOG.md and the versions file is verified by the build before")
        void bookkeepingIgnored() {
            RuleResult r = verify("0.2.0", DeployedVersion.of(staging(world.c2)));
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).isEqualTo("staging runs " + staging(world.c2) + " (built from " + sha(world.c2)
                    + "), whose service tree equals that of 0.2.0 (built from " + sha(world.c3) + ")");
        }

        @Test
        @DisplayName("the same commit verifies itself")
        void sameCommit() {
            RuleResult r = verify("0.2.0", DeployedVersion.of(staging(world.c3)));
            assertThat(r).isEqualTo(RuleResult.pass("verified-in-source", "staging runs " + staging(world.c3)
                    + " (built from " + sha(world.c3) + "), the same commit"));
        }

        @Test
        @DisplayName("a change to another service does not matter")
        void otherServiceIgnored() {
            assertThat(verify("0.2.0", DeployedVersion.of(staging(world.c4))).passed()).isTrue();
        }

        @Test
        @DisplayName("a change to a shared library the service's filters include does matter")
        void sharedLibraryCounts() {
            RuleResult r = verify("0.3.0", DeployedVersion.of(staging(world.c4)));
            assertThat(r).isEqualTo(RuleResult.fail("verified-in-source", "staging never ran the code of 0.3.0 (built"
                    + " from " + sha(world.c5) + "): it runs " + staging(world.c4) + " (built from " + sha(world.c4)
                    + "), whose service tree differs in libs/common/util.go; deploy 0.3.0's code to staging first"));
        }

        @Test
        @DisplayName("a file the service's filters exclude does not matter")
        void excludedFileIgnored() {
            assertThat(verify("0.3.0", DeployedVersion.of(staging(world.c6))).passed()).isTrue();
        }

        @Test
        @DisplayName("an older build with different code is refused, naming the differing file")
        void differentCode() {
            RuleResult r = verify("0.2.0", DeployedVersion.of(staging(world.c1)));
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("whose service tree differs in services/web/main.go");
        }

        @Test
        @DisplayName("a source that never ran the service verifies nothing")
        void neverRan() {
            assertThat(verify("0.2.0")).isEqualTo(RuleResult.fail("verified-in-source", "staging has never run"
                    + " services/web, so nothing verified 0.2.0 (built from " + sha(world.c3) + "); deploy it to staging first"));
        }

        @Test
        @DisplayName("an earlier deployment that was not rolled back verifies, and says when it ran")
        void earlierDeployment() {
            RuleResult r = verify("0.2.0", DeployedVersion.of(staging(world.c1)),
                    at(staging(world.c2), "2024-03-01T10:00:00Z"));
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).startsWith("staging ran " + staging(world.c2) + " (built from " + sha(world.c2)
                    + ") deployed 2024-03-01T10:00:00Z, not rolled back");
        }

        @Test
        @DisplayName("an earlier deployment that was rolled back does not verify")
        void rolledBack() {
            DeployedVersion rollback = new DeployedVersion(staging(world.c1), Optional.empty(), Optional.empty(), Optional.empty(), true);
            RuleResult r = verify("0.2.0", rollback, DeployedVersion.of(staging(world.c2)));
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("no earlier deployment (1 checked) matches");
        }

        @Test
        @DisplayName("the current deployment, rolled back to, is what runs")
        void currentAfterRollback() {
            DeployedVersion rollback = new DeployedVersion(staging(world.c2), Optional.empty(), Optional.empty(), Optional.empty(), true);
            assertThat(verify("0.2.0", rollback, DeployedVersion.of(staging(world.c1))).passed()).isTrue();
        }

        @Test
        @DisplayName("an unknown short SHA is a failure with that reason, not a guess")
        void unknownSha() {
            RuleResult r = verify("0.2.0", DeployedVersion.of("0.2.0-rc0001-gabcdef0"));
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("it runs 0.2.0-rc0001-gabcdef0, and the commit abcdef0 of"
                    + " 0.2.0-rc0001-gabcdef0 is not in this repository; fetch it");
        }

        @Test
        @DisplayName("an ambiguous short SHA is a failure with that reason, not a guess")
        void ambiguousSha() {
            PromotionInput in = world.promote("0.2.0").ran("staging", DeployedVersion.of("0.2.0-rc0001-gabcdef0"))
                    .rules("verified-in-source").input();
            GitRepository ambiguous = ambiguousAt(in.git(), "abcdef0");
            PromotionInput withAmbiguity = new PromotionInput(in.config(), in.service(), in.target(), in.policy(),
                    in.rules(), in.version(), in.states(), ambiguous, in.backends(), in.clock(), in.approvers(), false);
            RuleResult r = PromotionEngine.decide(withAmbiguity, Optional.empty()).rules().get(0);
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("the short commit id abcdef0 of 0.2.0-rc0001-gabcdef0 is ambiguous in this"
                    + " repository (the abbreviated id abcdef0 is ambiguous; give more digits)");
        }

        @Test
        @DisplayName("a recorded built commit (Slipway-Commit) wins over the version's SHA")
        void recordedCommit() {
            DeployedVersion recorded = new DeployedVersion("hotfix-7", Optional.of(CommitId.of(world.c2)), Optional.empty(),
                    Optional.empty(), false);
            RuleResult r = verify("0.2.0", recorded);
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).startsWith("staging runs hotfix-7 (built from " + sha(world.c2) + ")");
        }

        @Test
        @DisplayName("a version that names no commit cannot be verified")
        void manualVersion() {
            RuleResult r = verify("0.2.0", DeployedVersion.of("hotfix-123"));
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("it runs hotfix-123, and hotfix-123 names no commit: it is neither a release"
                    + " of services/web nor a staging version X.Y.Z-rc{count:4}-g{sha:7}");
        }

        @Test
        @DisplayName("a release without its tag cannot be verified")
        void missingTag() {
            assertThat(verify("0.9.0", DeployedVersion.of(staging(world.c3)))).isEqualTo(RuleResult.fail("verified-in-source",
                    "the release tag services/web@0.9.0 of 0.9.0 does not exist in this repository; fetch tags"));
        }
    }

    @Nested
    @DisplayName("no-downgrade: not lower than what the target runs, unless a rollback")
    class NoDowngrade {

        @ParameterizedTest(name = "{0} over [{1}] -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            0.2.0      |                   | true  | production runs no version of services/web yet
            0.3.0      | 0.2.0             | true  | 0.3.0 is higher than 0.2.0, which production runs
            0.2.0      | 0.2.0             | true  | production already runs 0.2.0
            0.1.0      | 0.2.0             | false | 0.1.0 is lower than 0.2.0, which production runs, and production never ran it; roll back with slipway rollback, or promote a version at least 0.2.0
            0.1.0      | 0.2.0 0.1.0       | true  | a rollback: production ran 0.1.0 before 0.2.0
            1.0.0-rc.1 | 1.0.0             | false | 1.0.0-rc.1 is lower than 1.0.0, which production runs, and production never ran it; roll back with slipway rollback, or promote a version at least 1.0.0
            0.10.0     | 0.9.0             | true  | 0.10.0 is higher than 0.9.0, which production runs
            0.2.0      | hotfix-1          | true  | production runs hotfix-1, not a SemVer version; there is no order to keep
            hotfix-2   | 0.2.0             | false | cannot order hotfix-2 (not SemVer) against 0.2.0, which production runs; promote a SemVer version
            """)
        void table(String version, String history, boolean passed, String reason) {
            PromotionWorld.Case c = world.promote(version);
            if (history != null) {
                c.ran("production", history.split(" "));
            }
            assertThat(c.only("no-downgrade")).isEqualTo(new RuleResult("no-downgrade", passed, reason));
        }

        @Test
        @DisplayName("a rollback is recorded on the decision")
        void rollbackFlag() {
            assertThat(world.promote("0.1.0").ran("production", "0.2.0", "0.1.0").rules("no-downgrade").decide().rollback())
                    .isTrue();
            assertThat(world.promote("0.3.0").ran("production", "0.2.0").rules("no-downgrade").decide().rollback()).isFalse();
        }
    }

    @Nested
    @DisplayName("soak: the source ran the code for at least a duration")
    class Soak {

        Promotion soak(Duration d) {
            Promotion p = PromotionWorld.production();
            return new Promotion(p.from(), List.of(), Optional.of(d), OptionalInt.empty(), List.of(), p.ignore());
        }

        @ParameterizedTest(name = "deployed {0}, soak {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            2024-03-06T11:00:00Z | PT30M | true  | staging has run the code for 1h (since 2024-03-06T11:00:00Z), at least the soak of 30m
            2024-03-06T11:30:00Z | PT30M | true  | staging has run the code for 30m (since 2024-03-06T11:30:00Z), at least the soak of 30m
            2024-03-06T11:48:00Z | PT30M | false | staging has run the code for 12m (since 2024-03-06T11:48:00Z), less than the soak of 30m; wait 18m more (until 2024-03-06T12:18:00Z)
            2024-03-04T09:30:00Z | P1D   | true  | staging has run the code for 2d2h30m (since 2024-03-04T09:30:00Z), at least the soak of 1d
            """)
        void current(String deployed, Duration soak, boolean passed, String reason) {
            RuleResult r = world.promote("0.2.0").policy(soak(soak)).ran("staging", at(staging(world.c2), deployed))
                    .only("soak");
            assertThat(r).isEqualTo(new RuleResult("soak", passed, reason));
        }

        @Test
        @DisplayName("builds with the same tree count as one run: the time starts with the first of them")
        void unbrokenRun() {
            RuleResult r = world.promote("0.2.0").policy(soak(Duration.ofHours(2)))
                    .ran("staging", at(staging(world.c4), "2024-03-06T11:00:00Z"), at(staging(world.c3), "2024-03-06T10:30:00Z"),
                            at(staging(world.c2), "2024-03-06T09:00:00Z"), at(staging(world.c1), "2024-03-05T09:00:00Z"))
                    .only("soak");
            assertThat(r).isEqualTo(RuleResult.pass("soak", "staging has run the code for 3h (since"
                    + " 2024-03-06T09:00:00Z), at least the soak of 2h"));
        }

        @Test
        @DisplayName("a run ended by different code counts only as long as it lasted")
        void endedRun() {
            RuleResult r = world.promote("0.2.0").policy(soak(Duration.ofHours(2)))
                    .ran("staging", at(staging(world.c1), "2024-03-06T10:00:00Z"), at(staging(world.c2), "2024-03-06T09:00:00Z"))
                    .only("soak");
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).startsWith("staging has run the code for 1h (since 2024-03-06T09:00:00Z), less than"
                    + " the soak of 2h");
        }

        @Test
        @DisplayName("without a recorded deploy time the soak cannot be shown")
        void unknownTime() {
            RuleResult r = world.promote("0.2.0").policy(soak(Duration.ofMinutes(5)))
                    .ran("staging", DeployedVersion.of(staging(world.c2))).only("soak");
            assertThat(r).isEqualTo(RuleResult.fail("soak", "staging ran the code of 0.2.0, but when it was deployed is"
                    + " not recorded; cannot tell whether the soak of 5m passed"));
        }

        @Test
        @DisplayName("a source that never ran the code fails")
        void never() {
            RuleResult r = world.promote("0.2.0").policy(soak(Duration.ofMinutes(5)))
                    .ran("staging", at(staging(world.c1), "2024-03-01T00:00:00Z")).only("soak");
            assertThat(r).isEqualTo(RuleResult.fail("soak", "staging has not run the code of 0.2.0 at all; the soak is 5m"));
        }
    }

    @Nested
    @DisplayName("freeze: deny windows, and allow windows with Argo CD's semantics")
    class Freeze {

        static PromotionWindow window(PromotionWindow.Kind kind, String schedule, Duration d) {
            return new PromotionWindow(kind, Optional.of(schedule), Optional.of(d), Optional.empty(), Optional.empty(),
                    ZoneId.of("UTC"), Optional.empty());
        }

        static final PromotionWindow WEEKEND = new PromotionWindow(PromotionWindow.Kind.DENY, Optional.of("0 22 * * fri"),
                Optional.of(Duration.ofHours(60)), Optional.empty(), Optional.empty(), ZoneId.of("UTC"),
                Optional.of("no weekend deploys"));
        static final PromotionWindow OFFICE = window(PromotionWindow.Kind.ALLOW, "0 8 * * mon-fri", Duration.ofHours(10));
        static final PromotionWindow HOLIDAYS = new PromotionWindow(PromotionWindow.Kind.DENY, Optional.empty(),
                Optional.empty(), Optional.of(Instant.parse("2024-12-20T00:00:00Z")),
                Optional.of(Instant.parse("2025-01-02T00:00:00Z")), ZoneId.of("UTC"), Optional.empty());

        RuleResult freeze(String now, PromotionWindow... windows) {
            Promotion p = PromotionWorld.production();
            Promotion policy = new Promotion(p.from(), List.of(), Optional.empty(), OptionalInt.empty(), List.of(windows),
                    p.ignore());
            return world.promote("0.2.0").policy(policy).now(Instant.parse(now)).only("freeze");
        }

        @Test
        @DisplayName("no windows: allowed")
        void none() {
            assertThat(freeze("2024-03-09T12:00:00Z")).isEqualTo(RuleResult.pass("freeze", "no windows are configured for production"));
        }

        @ParameterizedTest(name = "{0}: {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            Saturday noon         | 2024-03-09T12:00:00Z | false | production is frozen at 2024-03-09T12:00:00Z: inside the window deny '0 22 * * fri' for 2d12h (UTC) (no weekend deploys), opened 2024-03-08T22:00:00Z until 2024-03-11T10:00:00Z; promote after it closes
            Monday 10:00          | 2024-03-11T10:00:00Z | true  | no deny window is open at 2024-03-11T10:00:00Z
            Friday 21:59          | 2024-03-08T21:59:00Z | true  | no deny window is open at 2024-03-08T21:59:00Z
            """)
        void deny(String name, String now, boolean passed, String reason) {
            assertThat(freeze(now, WEEKEND)).isEqualTo(new RuleResult("freeze", passed, reason));
        }

        @ParameterizedTest(name = "{0}: {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            Tuesday 09:00 in office hours  | 2024-03-05T09:00:00Z | true  | inside the window allow '0 8 * * mon-fri' for 10h (UTC) at 2024-03-05T09:00:00Z, and no deny window is open
            Tuesday 19:00 after hours      | 2024-03-05T19:00:00Z | false | production allows promotions only inside its allow windows, and 2024-03-05T19:00:00Z is outside all of them; the next opens at 2024-03-06T08:00:00Z
            Friday 23:00 denied and closed | 2024-03-08T23:00:00Z | false | production is frozen at 2024-03-08T23:00:00Z: inside the window deny '0 22 * * fri' for 2d12h (UTC) (no weekend deploys), opened 2024-03-08T22:00:00Z until 2024-03-11T10:00:00Z; promote after it closes
            Monday 09:00 deny beats allow  | 2024-03-11T09:00:00Z | false | production is frozen at 2024-03-11T09:00:00Z: inside the window deny '0 22 * * fri' for 2d12h (UTC) (no weekend deploys), opened 2024-03-08T22:00:00Z until 2024-03-11T10:00:00Z; promote after it closes
            """)
        void allowAndDeny(String name, String now, boolean passed, String reason) {
            assertThat(freeze(now, WEEKEND, OFFICE)).isEqualTo(new RuleResult("freeze", passed, reason));
        }

        @Test
        @DisplayName("a date range denies inside it")
        void dateRange() {
            assertThat(freeze("2024-12-24T12:00:00Z", HOLIDAYS).passed()).isFalse();
            assertThat(freeze("2024-12-24T12:00:00Z", HOLIDAYS).reason()).contains("until 2025-01-02T00:00:00Z");
            assertThat(freeze("2025-01-02T00:00:00Z", HOLIDAYS).passed()).isTrue();
        }
    }

    @Nested
    @DisplayName("approvals: N distinct approvers")
    class Approvals {

        Promotion approvals(int n) {
            Promotion p = PromotionWorld.production();
            return new Promotion(p.from(), List.of(), Optional.empty(), OptionalInt.of(n), List.of(), p.ignore());
        }

        @ParameterizedTest(name = "{0} of [{1}] -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            1 |                     | false | 0 of 1 required approval (none); 1 more distinct approver needed
            1 | alice               | true  | 1 of 1 required approval (alice)
            2 | alice,Alice, ALICE  | false | 1 of 2 required approvals (alice); 1 more distinct approver needed
            2 | alice,bob           | true  | 2 of 2 required approvals (alice, bob)
            3 | alice,bob,          | false | 2 of 3 required approvals (alice, bob); 1 more distinct approver needed
            2 | carol,bob,alice     | true  | 3 of 2 required approvals (alice, bob, carol)
            """)
        void table(int required, String approvers, boolean passed, String reason) {
            PromotionWorld.Case c = world.promote("0.2.0").policy(approvals(required));
            if (approvers != null) {
                c.approvedBy(approvers.split(",", -1));
            }
            assertThat(c.only("approvals")).isEqualTo(new RuleResult("approvals", passed, reason));
        }
    }

    @Nested
    @DisplayName("image-exists: the registry has the candidate's tag, or with retag the verified image")
    class ImageExists {

        static final ImageRepository WEB = ImageRepository.of("ghcr.io/acme/web");

        InMemoryRegistry registry = new InMemoryRegistry();

        PromotionBackends backends() {
            return new PromotionBackends(Optional.of(registry.open(RegistrySettings.NONE)), Optional.empty());
        }

        @Test
        @DisplayName("without a registry backend it could not be checked, and fails")
        void noRegistry() {
            assertThat(world.promote("0.2.0").only("image-exists")).isEqualTo(RuleResult.fail("image-exists",
                    "could not be checked: no registry backend is configured (name one with registry.backend in slipway.yaml)"));
        }

        @Test
        @DisplayName("a tag the registry holds passes with its digest; a missing one fails with what to do")
        void plain() {
            var digest = registry.push(WEB, ImageTag.of("0.2.0"));
            assertThat(world.promote("0.2.0").backends(backends()).only("image-exists"))
                    .isEqualTo(RuleResult.pass("image-exists", "ghcr.io/acme/web:0.2.0 exists (" + digest + ")"));
            assertThat(world.promote("0.3.0").backends(backends()).only("image-exists")).isEqualTo(RuleResult.fail(
                    "image-exists", "ghcr.io/acme/web:0.3.0 is not in the registry; build and push it, or promote with"
                            + " --retag to give it the verified image"));
        }

        @Test
        @DisplayName("with retag, the verified staging image is what the release tag will name")
        void retag() {
            var digest = registry.push(WEB, ImageTag.of(staging(world.c2)));
            RuleResult r = world.promote("0.2.0").retag().backends(backends()).ran("staging", staging(world.c2))
                    .only("image-exists");
            assertThat(r).isEqualTo(RuleResult.pass("image-exists", "ghcr.io/acme/web:0.2.0 will be the verified image "
                    + digest + " of " + staging(world.c2) + " (retag)"));
        }

        @Test
        @DisplayName("with retag, a release tag that already names another image is refused")
        void retagConflict() {
            var verified = registry.push(WEB, ImageTag.of(staging(world.c2)));
            var other = registry.push(WEB, ImageTag.of("0.2.0"));
            RuleResult r = world.promote("0.2.0").retag().backends(backends()).ran("staging", staging(world.c2))
                    .only("image-exists");
            assertThat(r).isEqualTo(RuleResult.fail("image-exists", "ghcr.io/acme/web:0.2.0 already names " + other
                    + ", not the verified " + verified + " of " + staging(world.c2)
                    + "; retagging would replace a published release tag"));
        }

        @Test
        @DisplayName("a repository the registry does not know fails, naming it")
        void unknownRepository() {
            RuleResult r = world.promote("0.2.0").backends(backends()).only("image-exists");
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).startsWith("the image repository ghcr.io/acme/web does not exist in the registry");
        }

        @Test
        @DisplayName("with retag, a verified image missing from the registry fails")
        void retagMissingSource() {
            registry.createRepository(WEB, Mutability.MUTABLE);
            RuleResult r = world.promote("0.2.0").retag().backends(backends()).ran("staging", staging(world.c2))
                    .only("image-exists");
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).isEqualTo("--retag needs ghcr.io/acme/web:" + staging(world.c2)
                    + ", which staging verified, but the registry does not hold it");
        }
    }

    @Nested
    @DisplayName("healthy-in-source: the source app is Synced and Healthy at the verified deployment")
    class HealthyInSource {

        InMemoryCdBackend cd = new InMemoryCdBackend();

        PromotionBackends backends() {
            return new PromotionBackends(Optional.empty(), Optional.of(cd.open(CdSettings.builder().build())));
        }

        DeployedVersion deployedBy(String version, String deployCommit) {
            return new DeployedVersion(version, Optional.empty(), Optional.of(CommitId.of(deployCommit)), Optional.empty(), false);
        }

        CdAppState.Builder state(String revision) {
            return CdAppState.builder("web-staging").sync(CdSyncStatus.SYNCED).health(CdHealth.HEALTHY).revision(revision)
                    .operation(new CdOperation(CdOperationPhase.SUCCEEDED, "ok", List.of(revision),
                            Optional.of(Instant.parse("2024-03-06T10:00:00Z")), Optional.of(Instant.parse("2024-03-06T10:01:00Z"))))
                    .reconciledAt(Instant.parse("2024-03-06T10:02:00Z"));
        }

        RuleResult check(String deployCommit) {
            return world.promote("0.2.0").backends(backends()).ran("staging", deployedBy(staging(world.c2), deployCommit))
                    .only("healthy-in-source");
        }

        @Test
        @DisplayName("without a CD backend it could not be checked, and fails")
        void noCd() {
            assertThat(world.promote("0.2.0").ran("staging", staging(world.c2)).only("healthy-in-source")).isEqualTo(
                    RuleResult.fail("healthy-in-source", "could not be checked: no CD backend is configured (name one with"
                            + " cd.backend in slipway.yaml or --cd)"));
        }

        @Test
        @DisplayName("Synced and Healthy at the deploy commit, or at a later one, passes")
        void healthy() {
            cd.app("web-staging").report(state(world.c5).images(List.of("ghcr.io/acme/web:" + staging(world.c2))).build());
            RuleResult r = check(world.c4);
            assertThat(r).isEqualTo(RuleResult.pass("healthy-in-source", "web-staging (staging) is Synced and Healthy"
                    + " running " + staging(world.c2) + " at " + sha(world.c5) + ", its last operation succeeded"));
        }

        @Test
        @DisplayName("a revision older than the deploy commit is not live yet")
        void behind() {
            cd.app("web-staging").report(state(world.c3).build());
            RuleResult r = check(world.c4);
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).startsWith("web-staging (staging) is not live and healthy at the commit " + sha(world.c4)
                    + " that deployed " + staging(world.c2) + ": at " + world.c3);
        }

        @Test
        @DisplayName("Degraded at the commit fails")
        void degraded() {
            cd.app("web-staging").report(state(world.c4).health(CdHealth.DEGRADED).build());
            RuleResult r = check(world.c4);
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("Degraded");
        }

        @Test
        @DisplayName("images that do not include the verified version fail")
        void wrongImage() {
            cd.app("web-staging").report(state(world.c4).images(List.of("ghcr.io/acme/web:0.1.0")).build());
            assertThat(check(world.c4)).isEqualTo(RuleResult.fail("healthy-in-source", "web-staging (staging) runs the"
                    + " images ghcr.io/acme/web:0.1.0, not ghcr.io/acme/web:" + staging(world.c2)));
        }

        @Test
        @DisplayName("a source that now runs other code says so")
        void notRunningVerified() {
            RuleResult r = world.promote("0.2.0").backends(backends())
                    .ran("staging", DeployedVersion.of(staging(world.c1)), DeployedVersion.of(staging(world.c2)))
                    .only("healthy-in-source");
            assertThat(r).isEqualTo(RuleResult.fail("healthy-in-source", "staging runs " + staging(world.c1)
                    + ", not a version verified for 0.2.0; its health says nothing about 0.2.0"));
        }

        @Test
        @DisplayName("an application the CD system does not have could not be checked")
        void missingApp() {
            RuleResult r = check(world.c4);
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).startsWith("could not be checked: ");
        }
    }

    @Nested
    @DisplayName("the decision")
    class Decisions {

        @Test
        @DisplayName("holds every rule's result, not only the first failure")
        void everyRule() {
            Decision d = world.promote("0.1.0").ran("production", "0.2.0").ran("staging", staging(world.c2))
                    .rules("release-version", "verified-in-source", "no-downgrade").decide();
            assertThat(d.rules()).extracting(RuleResult::rule)
                    .containsExactly("release-version", "verified-in-source", "no-downgrade");
            assertThat(d.rules()).extracting(RuleResult::passed).containsExactly(true, false, false);
            assertThat(d.allowed()).isFalse();
            assertThat(d.failures()).hasSize(2);
            assertThat(d.describe()).startsWith("DENIED: services/web 0.1.0 to production from staging\n  pass  release-version");
        }

        @Test
        @DisplayName("a forced decision is allowed and records the failing rules and the reason in one Slipway-Override trailer")
        void forced() {
            PromotionInput in = world.promote("0.1.0").ran("production", "0.2.0").ran("staging", staging(world.c2))
                    .rules("release-version", "verified-in-source", "no-downgrade").input();
            Decision d = PromotionEngine.decide(in, Optional.of("incident 42:\n  revert the bad release"));
            assertThat(d.allowed()).isTrue();
            assertThat(d.overridden()).isTrue();
            assertThat(d.overrideTrailer()).contains("verified-in-source, no-downgrade: incident 42: revert the bad release");
            assertThat(d.describe()).startsWith("FORCED");
        }

        @Test
        @DisplayName("forcing an allowed promotion overrides nothing")
        void forcedButAllowed() {
            PromotionInput in = world.promote("0.2.0").ran("staging", staging(world.c2)).input();
            Decision d = PromotionEngine.decide(in, Optional.of("just in case"));
            assertThat(d.overridden()).isFalse();
            assertThat(d.overrideTrailer()).isEmpty();
            assertThat(d.verifiedBy()).contains(staging(world.c2));
        }

        @Test
        @DisplayName("the embedded default policy is release-version, verified-in-source, no-downgrade")
        void defaults() {
            assertThat(PromotionWorld.production().effectiveRules())
                    .containsExactly("release-version", "verified-in-source", "no-downgrade");
            assertThat(world.promote("0.2.0").ran("staging", staging(world.c2)).decide().allowed()).isTrue();
        }
    }

    /** The repository, except that resolving {@code abbreviation} throws what an ambiguous abbreviation throws. */
    static GitRepository ambiguousAt(GitRepository real, String abbreviation) {
        return (GitRepository) Proxy.newProxyInstance(GitRepository.class.getClassLoader(),
                new Class<?>[] {GitRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("resolve") && abbreviation.equals(args[0])) {
                        throw new InvalidInputException(abbreviation, "the abbreviated id " + abbreviation
                                + " is ambiguous; give more digits");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
