package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.ClassSanityTester;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.slipway.api.internal.RefNames;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * guava-testlib over every public api type: equality groups, null rejection on every public (and
 * package-private) constructor and method, and the generated sanity checks of {@link ClassSanityTester}.
 */
class ApiSanityTest {

    private static final String COMMIT = "1234567890abcdef1234567890abcdef12345678";
    private static final Version V123 = Version.parse("1.2.3");
    private static final Version V124 = Version.parse("1.2.4");
    private static final ServiceId WEB = ServiceId.of("services/web");
    private static final ServiceId WEB_API = ServiceId.of("services/web-api");
    private static final StagingScheme OTHER_SCHEME = StagingScheme.parse("x{count:4}-{sha:7}");

    private static final List<Class<? extends Throwable>> EXCEPTIONS = List.of(SlipwayException.class,
            InvalidInputException.class, InvalidVersionException.class, InvalidServiceIdException.class,
            InvalidReleaseTagException.class, InvalidImageTagException.class, InvalidPatternException.class,
            CountOverflowException.class, InvalidConfigurationException.class, BackendException.class,
            InvalidDigestException.class, InvalidImageRepositoryException.class, ImageNotFoundException.class,
            ImageRepositoryNotFoundException.class, ImageTagConflictException.class);

    @Nested
    @DisplayName("EqualsTester: equal groups and distinct groups")
    class Equality {

        @Test
        void version() {
            new EqualsTester()
                    .addEqualityGroup(Version.parse("1.2.3"), Version.of(1, 2, 3),
                            new Version(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), List.of(), List.of()),
                            Version.parse("1.2.3-rc.1").withPrerelease(List.of()), Version.parse("1.2.3+b").versionCore())
                    .addEqualityGroup(Version.parse("1.2.3-rc.1"), Version.of(1, 2, 3).withPrerelease(List.of("rc", "1")))
                    .addEqualityGroup(Version.parse("1.2.3-rc.1+b"))
                    // equal precedence, different build: not equal
                    .addEqualityGroup(Version.parse("1.2.3+b"))
                    .addEqualityGroup(Version.parse("1.2.3+c"))
                    .addEqualityGroup(Version.parse("1.2.3+b.c"))
                    .addEqualityGroup(Version.parse("1.2.3-rc1"))
                    .addEqualityGroup(Version.parse("1.2.3-rc.01a"), Version.parse("1.2.3-rc.01a"))
                    .addEqualityGroup(Version.parse("1.2.3-rc.1a"))
                    .addEqualityGroup(Version.parse("1.2.4"), Version.of(1, 2, 3).nextPatch())
                    .addEqualityGroup(Version.parse("1.3.0"), Version.of(1, 2, 3).nextMinor())
                    .addEqualityGroup(Version.parse("2.0.0"), Version.of(1, 2, 3).nextMajor())
                    .addEqualityGroup(Version.parse("12.3.0"))
                    .addEqualityGroup(Version.parse("99999999999999999999999.0.0"),
                            new Version(new BigInteger("99999999999999999999999"), BigInteger.ZERO, BigInteger.ZERO,
                                    List.of(), List.of()))
                    .testEquals();
        }

        @Test
        void stagingScheme() {
            new EqualsTester()
                    .addEqualityGroup(StagingScheme.DEFAULT, StagingScheme.parse("rc{count:4}-g{sha:7}"), StagingScheme.of(4, 7))
                    .addEqualityGroup(StagingScheme.of(5, 7), StagingScheme.parse("rc{count:5}-g{sha:7}"))
                    .addEqualityGroup(StagingScheme.of(4, 8))
                    // same shape, different text: schemes are their pattern text
                    .addEqualityGroup(StagingScheme.parse("rc{count:04}-g{sha:7}"))
                    .addEqualityGroup(StagingScheme.parse("rc{count}-g{sha}"))
                    .addEqualityGroup(OTHER_SCHEME, StagingScheme.parse("x{count:4}-{sha:7}"))
                    .testEquals();
        }

        @Test
        void stagingVersion() {
            StagingVersion base = StagingScheme.DEFAULT.version(V123, 29, COMMIT);
            new EqualsTester()
                    .addEqualityGroup(base, StagingScheme.DEFAULT.parseVersion("1.2.3-rc0029-g1234567"),
                            new StagingVersion(V123, 29, "1234567", StagingScheme.DEFAULT),
                            StagingScheme.DEFAULT.match(Version.parse("1.2.3-rc0029-g1234567")).orElseThrow(),
                            StagingScheme.DEFAULT.version(V123, 29, COMMIT.toUpperCase(java.util.Locale.ROOT)))
                    .addEqualityGroup(StagingScheme.DEFAULT.version(V124, 29, COMMIT))
                    .addEqualityGroup(StagingScheme.DEFAULT.version(V123, 30, COMMIT))
                    .addEqualityGroup(StagingScheme.DEFAULT.version(V123, 29, "abcdef0"))
                    .addEqualityGroup(OTHER_SCHEME.version(V123, 29, COMMIT))
                    .addEqualityGroup(StagingScheme.parse("rc{count:04}-g{sha:7}").version(V123, 29, COMMIT))
                    .testEquals();
        }

        @Test
        void serviceId() {
            new EqualsTester()
                    .addEqualityGroup(WEB, ServiceId.of("services/web"), new ServiceId("services/web"))
                    .addEqualityGroup(WEB_API)
                    .addEqualityGroup(ServiceId.of("web"))
                    .addEqualityGroup(ServiceId.of("Services/web"))
                    .testEquals();
        }

        @Test
        void tagPattern() {
            new EqualsTester()
                    .addEqualityGroup(TagPattern.DEFAULT, TagPattern.parse("{service}@{version}"))
                    .addEqualityGroup(TagPattern.parse("{service}/v{version}"), TagPattern.parse("{service}/v{version}"))
                    .addEqualityGroup(TagPattern.parse("@sveltejs/kit@{version}"))
                    .addEqualityGroup(TagPattern.parse("{version}"))
                    .testEquals();
        }

        @Test
        void releaseTag() {
            ServiceId kit = ServiceId.of("packages/kit");
            new EqualsTester()
                    .addEqualityGroup(ReleaseTag.of(WEB, V123), ReleaseTag.parse("services/web@1.2.3"),
                            TagPattern.DEFAULT.format(WEB, V123), TagPattern.DEFAULT.match("services/web@1.2.3").orElseThrow(),
                            TagPattern.DEFAULT.match("services/web@1.2.3", WEB).orElseThrow())
                    .addEqualityGroup(ReleaseTag.of(WEB, V124))
                    .addEqualityGroup(ReleaseTag.of(WEB_API, V123))
                    // the same name as a tag of different services
                    .addEqualityGroup(TagPattern.parse("{version}").format(WEB, V123))
                    .addEqualityGroup(TagPattern.parse("{version}").format(WEB_API, V123))
                    .addEqualityGroup(TagPattern.parse("@sveltejs/kit@{version}").format(kit, V123))
                    .addEqualityGroup(ReleaseTag.parse("@sveltejs/kit@1.2.3"))
                    .addEqualityGroup(TagPattern.parse("{service}/v{version}").format(WEB, V123))
                    .testEquals();
        }

        @Test
        void imageTag() {
            new EqualsTester()
                    .addEqualityGroup(ImageTag.of("latest"), new ImageTag("latest"))
                    .addEqualityGroup(ImageTag.of("Latest"))
                    .addEqualityGroup(ImageTag.of("0.2.2-rc0029-g1234567"), ImageTag.of(
                            StagingScheme.DEFAULT.version(Version.parse("0.2.2"), 29, COMMIT).toString()))
                    .testEquals();
        }

        @Test
        void registryValues() {
            String hex = "a".repeat(64);
            new EqualsTester()
                    .addEqualityGroup(Digest.of("sha256:" + hex), new Digest("sha256:" + hex))
                    .addEqualityGroup(Digest.of("sha256:" + "b".repeat(64)))
                    .addEqualityGroup(Digest.of("sha512:" + "a".repeat(128)))
                    .testEquals();
            new EqualsTester()
                    .addEqualityGroup(ImageRepository.of("ghcr.io/acme/web"), new ImageRepository("ghcr.io/acme/web"))
                    .addEqualityGroup(ImageRepository.of("acme/web"))
                    .addEqualityGroup(ImageRepository.of("ghcr.io/acme/web-api"))
                    .testEquals();
            dev.slipway.spi.RegistrySettings none = dev.slipway.spi.RegistrySettings.NONE;
            new EqualsTester()
                    .addEqualityGroup(none, new dev.slipway.spi.RegistrySettings(java.util.Optional.empty(),
                            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
                    .addEqualityGroup(none.withUrl(java.net.URI.create("https://ghcr.io")),
                            none.withUrl(java.net.URI.create("https://ghcr.io")))
                    .addEqualityGroup(none.withRegion("us-east-1"))
                    .addEqualityGroup(none.withEndpoint(java.net.URI.create("http://127.0.0.1:4566")))
                    .addEqualityGroup(none.withCredentials("env"))
                    .testEquals();
        }

        @Test
        void branchName() {
            new EqualsTester()
                    .addEqualityGroup(BranchName.of("main"), new BranchName("main"))
                    .addEqualityGroup(BranchName.of("Main"))
                    .addEqualityGroup(BranchName.of("release/2026-11"))
                    .testEquals();
        }

        @Test
        void commitId() {
            new EqualsTester()
                    .addEqualityGroup(CommitId.of(COMMIT), new CommitId(COMMIT), CommitId.of(COMMIT.toUpperCase(java.util.Locale.ROOT)))
                    .addEqualityGroup(CommitId.ZERO, CommitId.of("0".repeat(40)))
                    .addEqualityGroup(CommitId.of("a".repeat(64)))
                    .testEquals();
        }

        @Test
        void conventionalCommit() {
            java.util.Optional<String> none = java.util.Optional.empty();
            ConventionalCommit.Footer refs = new ConventionalCommit.Footer("Refs", "1");
            new EqualsTester()
                    .addEqualityGroup(ConventionalCommit.parse("feat: x").orElseThrow(), ConventionalCommit.parse("FEAT: x\r\n").orElseThrow(),
                            new ConventionalCommit("feat", none, false, "x", none, List.of(), none))
                    .addEqualityGroup(ConventionalCommit.parse("fix: x").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("feat(): X").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("feat(a): x").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("feat!: x").orElseThrow(),
                            new ConventionalCommit("feat", none, true, "x", none, List.of(), none))
                    .addEqualityGroup(ConventionalCommit.parse("feat: x\n\nbody").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("feat: x\n\nRefs: 1").orElseThrow(),
                            new ConventionalCommit("feat", none, false, "x", none, List.of(refs), none))
                    .addEqualityGroup(ConventionalCommit.parse("feat: x\n\nRefs: 2").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("Revert \"feat: x\"\n\nThis reverts commit abcd.").orElseThrow())
                    .addEqualityGroup(ConventionalCommit.parse("revert: feat: x").orElseThrow())
                    .testEquals();
            new EqualsTester()
                    .addEqualityGroup(refs, new ConventionalCommit.Footer("Refs", "1"))
                    .addEqualityGroup(new ConventionalCommit.Footer("refs", "1"))
                    .addEqualityGroup(new ConventionalCommit.Footer("Refs", "1\n2"))
                    .testEquals();
        }

        @Test
        void gitTagAndCommit() {
            CommitId c = CommitId.of(COMMIT);
            java.time.Instant t = java.time.Instant.EPOCH;
            new EqualsTester()
                    .addEqualityGroup(new dev.slipway.spi.GitTag("a", c, false), new dev.slipway.spi.GitTag("a", c, false))
                    .addEqualityGroup(new dev.slipway.spi.GitTag("a", c, true))
                    .addEqualityGroup(new dev.slipway.spi.GitTag("b", c, false))
                    .testEquals();
            new EqualsTester()
                    .addEqualityGroup(new dev.slipway.spi.GitCommit(c, List.of(), "m", t, List.of()),
                            new dev.slipway.spi.GitCommit(c, List.of(), "m", t, List.of()))
                    .addEqualityGroup(new dev.slipway.spi.GitCommit(c, List.of(CommitId.ZERO), "m", t, List.of()))
                    .addEqualityGroup(new dev.slipway.spi.GitCommit(c, List.of(), "m", t, List.of("a")))
                    .testEquals();
        }

        @Test
        void writeSide() {
            byte[] bytes = {1, 2};
            new EqualsTester()
                    .addEqualityGroup(dev.slipway.spi.FileChange.write("a/b", bytes), dev.slipway.spi.FileChange.write("a/b", new byte[] {1, 2}),
                            new dev.slipway.spi.FileChange("a/b", java.util.Optional.of(bytes)))
                    .addEqualityGroup(dev.slipway.spi.FileChange.write("a/b", new byte[] {1}))
                    .addEqualityGroup(dev.slipway.spi.FileChange.write("a/c", bytes))
                    .addEqualityGroup(dev.slipway.spi.FileChange.delete("a/b"), dev.slipway.spi.FileChange.delete("a/b"))
                    .testEquals();
            new EqualsTester()
                    .addEqualityGroup(dev.slipway.spi.PushSpec.of("refs/heads/main"), new dev.slipway.spi.PushSpec("refs/heads/main", "refs/heads/main"))
                    .addEqualityGroup(new dev.slipway.spi.PushSpec(COMMIT, "refs/heads/main"))
                    .testEquals();
            new EqualsTester()
                    .addEqualityGroup(new dev.slipway.spi.PushResult("refs/heads/main", dev.slipway.spi.PushResult.Status.OK, java.util.Optional.empty()),
                            new dev.slipway.spi.PushResult("refs/heads/main", dev.slipway.spi.PushResult.Status.OK, java.util.Optional.empty()))
                    .addEqualityGroup(new dev.slipway.spi.PushResult("refs/heads/main", dev.slipway.spi.PushResult.Status.REJECTED_OTHER,
                            java.util.Optional.of("hook declined")))
                    .testEquals();
        }

        @Test
        void writeSideValidation() {
            for (String bad : List.of("", "/abs", "a//b", "a/../b", "./a", "a/", ".git/config", "a\\b")) {
                assertThatThrownBy(() -> dev.slipway.spi.FileChange.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
            byte[] bytes = {1};
            dev.slipway.spi.FileChange change = dev.slipway.spi.FileChange.write("a", bytes);
            bytes[0] = 9;
            assertThat(change.content().orElseThrow()).containsExactly(1);
            change.content().orElseThrow()[0] = 7;
            assertThat(change.content().orElseThrow()).containsExactly(1);
            assertThat(change).hasToString("FileChange[a, 1 bytes]");
            assertThatThrownBy(() -> new dev.slipway.spi.PushSpec("", "refs/heads/main")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new dev.slipway.spi.PushSpec("main", "main")).isInstanceOf(IllegalArgumentException.class);
            assertThat(new dev.slipway.spi.PushResult("r", dev.slipway.spi.PushResult.Status.REJECTED_REMOTE_CHANGED, java.util.Optional.empty())
                    .remoteMoved()).isTrue();
            assertThat(new dev.slipway.spi.PushResult("r", dev.slipway.spi.PushResult.Status.UP_TO_DATE, java.util.Optional.empty())
                    .isSuccess()).isTrue();
        }
    }

    @Nested
    @DisplayName("NullPointerTester: every reference parameter rejects null")
    class Nulls {

        private NullPointerTester tester() {
            return new NullPointerTester()
                    .setDefault(Version.class, V123)
                    .setDefault(ServiceId.class, WEB)
                    .setDefault(StagingScheme.class, StagingScheme.DEFAULT)
                    .setDefault(TagPattern.class, TagPattern.DEFAULT)
                    .setDefault(ImageRepository.class, ImageRepository.of("ghcr.io/acme/web"))
                    .setDefault(ImageTag.class, ImageTag.of("0.2.3"))
                    .setDefault(Digest.class, Digest.sha256("x"))
                    .setDefault(BigInteger.class, BigInteger.ONE);
        }

        private void all(Class<?> type, Object... instances) {
            NullPointerTester tester = tester();
            tester.testAllPublicConstructors(type);
            tester.testAllPublicStaticMethods(type);
            for (Object instance : instances) {
                tester.testAllPublicInstanceMethods(instance);
            }
        }

        @Test
        void branchAndCommit() {
            all(BranchName.class, BranchName.of("main"));
            all(CommitId.class, CommitId.of(COMMIT));
            all(dev.slipway.spi.GitTag.class, new dev.slipway.spi.GitTag("a", CommitId.of(COMMIT), true));
            all(dev.slipway.spi.GitCommit.class, new dev.slipway.spi.GitCommit(CommitId.of(COMMIT), List.of(), "m",
                    java.time.Instant.EPOCH, List.of()));
            all(dev.slipway.spi.FileChange.class, dev.slipway.spi.FileChange.write("a", new byte[] {1}));
            all(dev.slipway.spi.PushSpec.class, dev.slipway.spi.PushSpec.of("refs/heads/main"));
            all(dev.slipway.spi.PushResult.class, new dev.slipway.spi.PushResult("r", dev.slipway.spi.PushResult.Status.OK,
                    java.util.Optional.empty()));
        }

        @Test
        void version() {
            all(Version.class, V123, Version.parse("1.0.0-rc.1+b"));
        }

        @Test
        void stagingScheme() {
            all(StagingScheme.class, StagingScheme.DEFAULT, StagingScheme.of(1, 4), OTHER_SCHEME);
        }

        @Test
        void stagingVersion() {
            all(StagingVersion.class, StagingScheme.DEFAULT.version(V123, 1, COMMIT));
        }

        @Test
        void serviceId() {
            all(ServiceId.class, WEB);
        }

        @Test
        void tagPattern() {
            all(TagPattern.class, TagPattern.DEFAULT, TagPattern.parse("@sveltejs/kit@{version}"),
                    TagPattern.parse("{version}-{service}"));
        }

        @Test
        void releaseTag() {
            all(ReleaseTag.class, ReleaseTag.of(WEB, V123));
        }

        @Test
        void conventionalCommit() {
            all(ConventionalCommit.class, ConventionalCommit.parse("feat(api)!: x\n\nbody\n\nRefs: 1").orElseThrow(),
                    ConventionalCommit.parse("Revert \"feat: x\"\n\nThis reverts commit abcd.").orElseThrow());
            all(ConventionalCommit.Footer.class, new ConventionalCommit.Footer("Refs", "1"));
        }

        @Test
        void imageTag() {
            all(ImageTag.class, ImageTag.of("latest"));
        }

        @Test
        void registryValues() {
            all(Digest.class, Digest.sha256("x"));
            all(ImageRepository.class, ImageRepository.of("ghcr.io/acme/web"), ImageRepository.of("web"));
            all(dev.slipway.spi.RegistrySettings.class, dev.slipway.spi.RegistrySettings.NONE);
        }

        @Test
        void exceptions() {
            for (Class<? extends Throwable> type : EXCEPTIONS) {
                tester().testAllPublicConstructors(type);
            }
        }

        @Test
        void refNames() {
            tester().testAllPublicStaticMethods(RefNames.class);
        }

        @Test
        void thePrecedenceComparator() {
            assertThatThrownBy(() -> Version.PRECEDENCE.compare(null, V123)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Version.PRECEDENCE.compare(V123, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void exceptionMessagesAndCausesAreRequired() {
            assertThatThrownBy(() -> new SlipwayException(null)).hasMessage("message");
            assertThatThrownBy(() -> new BackendException("failed", null)).hasMessage("cause");
            assertThatThrownBy(() -> new InvalidVersionException(null, "m")).hasMessage("input");
            assertThatThrownBy(() -> new CountOverflowException(null, 1, 1)).hasMessage("base");
            assertThatThrownBy(() -> new InvalidConfigurationException(null, 1, 1, "x", "p")).hasMessage("source");
        }
    }

    @Nested
    @DisplayName("ClassSanityTester: generated equality and null checks")
    class Sanity {

        @Test
        void branchAndCommit() throws Exception {
            new ClassSanityTester().setDistinctValues(String.class, "main", "develop")
                    .forAllPublicStaticMethods(BranchName.class).thatReturn(BranchName.class).testEquals().testNulls();
            new ClassSanityTester().setDistinctValues(String.class, COMMIT, "b".repeat(40))
                    .forAllPublicStaticMethods(CommitId.class).thatReturn(CommitId.class).testEquals().testNulls();
            new ClassSanityTester().setDistinctValues(CommitId.class, CommitId.of(COMMIT), CommitId.ZERO)
                    .testNulls(dev.slipway.spi.GitTag.class);
            new ClassSanityTester().setDistinctValues(CommitId.class, CommitId.of(COMMIT), CommitId.ZERO)
                    .testNulls(dev.slipway.spi.GitCommit.class);
        }

        @Test
        void version() throws Exception {
            ClassSanityTester tester = new ClassSanityTester();
            tester.testEquals(Version.class);
            tester.testNulls(Version.class);
            new ClassSanityTester()
                    .setDistinctValues(String.class, "1.2.3", "1.0.0-rc.1+b")
                    .forAllPublicStaticMethods(Version.class).thatReturn(Version.class).testEquals().testNulls();
        }

        @Test
        void stagingScheme() throws Exception {
            ClassSanityTester tester = new ClassSanityTester()
                    .setDistinctValues(String.class, "rc{count:4}-g{sha:7}", "b{count:2}-{sha:5}")
                    .setDistinctValues(int.class, 5, 7)
                    .setDefault(Version.class, V123);
            tester.testEquals(StagingScheme.class);
            tester.testNulls(StagingScheme.class);
            tester.forAllPublicStaticMethods(StagingScheme.class).thatReturn(StagingScheme.class).testEquals().testNulls();
        }

        @Test
        void stagingVersion() throws Exception {
            ClassSanityTester tester = new ClassSanityTester()
                    .setDistinctValues(Version.class, V123, V124)
                    .setDistinctValues(String.class, "1234567", "abcdef0")
                    .setDistinctValues(StagingScheme.class, StagingScheme.DEFAULT, OTHER_SCHEME);
            tester.testEquals(StagingVersion.class);
            tester.testNulls(StagingVersion.class);
        }

        @Test
        void serviceId() throws Exception {
            ClassSanityTester tester = new ClassSanityTester()
                    .setDistinctValues(String.class, "services/web", "services/web-api");
            tester.testEquals(ServiceId.class);
            tester.testNulls(ServiceId.class);
            tester.forAllPublicStaticMethods(ServiceId.class).thatReturn(ServiceId.class).testEquals().testNulls();
        }

        @Test
        void tagPattern() throws Exception {
            ClassSanityTester tester = new ClassSanityTester()
                    .setDistinctValues(String.class, "{service}@{version}", "{service}/v{version}")
                    .setDefault(ServiceId.class, WEB)
                    .setDefault(Version.class, V123);
            tester.testEquals(TagPattern.class);
            tester.testNulls(TagPattern.class);
            tester.forAllPublicStaticMethods(TagPattern.class).thatReturn(TagPattern.class).testEquals().testNulls();
        }

        @Test
        void releaseTag() throws Exception {
            ClassSanityTester tester = new ClassSanityTester()
                    .setDistinctValues(String.class, "services/web@1.2.3", "services/web-api@1.2.3")
                    .setDistinctValues(ServiceId.class, WEB, WEB_API)
                    .setDistinctValues(Version.class, V123, V124);
            tester.testEquals(ReleaseTag.class);
            tester.testNulls(ReleaseTag.class);
            tester.forAllPublicStaticMethods(ReleaseTag.class).thatReturn(ReleaseTag.class).testEquals().testNulls();
        }

        @Test
        void imageTag() throws Exception {
            ClassSanityTester tester = new ClassSanityTester().setDistinctValues(String.class, "latest", "0.2.3");
            tester.testEquals(ImageTag.class);
            tester.testNulls(ImageTag.class);
            tester.forAllPublicStaticMethods(ImageTag.class).thatReturn(ImageTag.class).testEquals().testNulls();
        }

        @Test
        void registryValues() throws Exception {
            new ClassSanityTester().setDistinctValues(String.class, "sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64))
                    .forAllPublicStaticMethods(Digest.class).thatReturn(Digest.class).testEquals().testNulls();
            new ClassSanityTester().setDistinctValues(String.class, "ghcr.io/acme/web", "acme/web")
                    .forAllPublicStaticMethods(ImageRepository.class).thatReturn(ImageRepository.class).testEquals().testNulls();
        }

        @Test
        void exceptions() {
            ClassSanityTester tester = new ClassSanityTester().setDefault(Version.class, V123).setDefault(ServiceId.class, WEB)
                    .setDefault(ImageRepository.class, ImageRepository.of("ghcr.io/acme/web"))
                    .setDefault(ImageTag.class, ImageTag.of("0.2.3"))
                    .setDefault(Digest.class, Digest.sha256("x"));
            for (Class<? extends Throwable> type : EXCEPTIONS) {
                tester.testNulls(type);
            }
        }

        @Test
        void refNames() {
            new ClassSanityTester().testNulls(RefNames.class);
            assertThat(RefNames.tagNameProblem("services/web@1.2.3")).isNull();
        }
    }
}
