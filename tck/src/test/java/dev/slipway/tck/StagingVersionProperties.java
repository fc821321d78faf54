package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CountOverflowException;
import dev.slipway.api.InvalidPatternException;
import dev.slipway.api.InvalidVersionException;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.StagingVersion;
import dev.slipway.api.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of {@link StagingScheme} and {@link StagingVersion}: round trips and commit-order sorting. */
class StagingVersionProperties {

    // ---------------------------------------------------------------- round trips

    @Property
    void parseVersionOfToStringIsIdentity(@ForAll("staging") StagingVersion staging) {
        StagingScheme scheme = staging.scheme();
        assertThat(scheme.parseVersion(staging.toString())).isEqualTo(staging);
        assertThat(scheme.match(staging.toVersion())).contains(staging);
        assertThat(staging.toVersion().prerelease()).hasSize(1);
        assertThat(staging.toVersion().versionCore()).isEqualTo(staging.base());
    }

    @Property
    void schemeParseOfPatternIsIdentity(@ForAll("schemes") StagingScheme scheme) {
        assertThat(StagingScheme.parse(scheme.pattern())).isEqualTo(scheme);
        assertThat(StagingScheme.parse(scheme.toString())).isEqualTo(scheme);
    }

    @Property
    void matchFindsOnlyWhatTheSchemeWrites(@ForAll("schemes") StagingScheme scheme, @ForAll("versions") Version version) {
        Optional<StagingVersion> matched = scheme.match(version);
        matched.ifPresent(staging -> assertThat(staging.toVersion()).isEqualTo(version));
    }

    // ---------------------------------------------------------------- commit order

    @Property(tries = 25)
    void everyCountOfANarrowSchemeSortsInCommitOrderBetweenTheReleases(
            @ForAll("narrowSchemes") StagingScheme scheme, @ForAll("releases") Version previousRelease,
            @ForAll long seed) {
        // the kit's rule: the base is the last release plus one patch
        Version base = previousRelease.nextPatch();
        Random random = new Random(seed);
        String commitId = hex(random, 64);
        List<String> violations = new ArrayList<>();
        Version before = null;
        for (long count = 0; count <= scheme.maxCount(); count++) {
            // a later commit may have any id: the count decides
            int from = random.nextInt(64 - scheme.shaLength() + 1);
            Version version = scheme.version(base, count, commitId.substring(from) + commitId.substring(0, from)).toVersion();
            if (Version.PRECEDENCE.compare(previousRelease, version) >= 0) {
                violations.add(version + " is not above the previous release " + previousRelease);
            }
            if (Version.PRECEDENCE.compare(version, base) >= 0) {
                violations.add(version + " is not below its base " + base);
            }
            if (before != null && (Version.PRECEDENCE.compare(before, version) >= 0 || before.compareTo(version) >= 0)) {
                violations.add(before + " does not sort below " + version);
            }
            before = version;
        }
        assertThat(violations).isEmpty();
        assertThatThrownBy(() -> scheme.version(base, scheme.maxCount() + 1, commitId))
                .isInstanceOf(CountOverflowException.class);
    }

    @Example
    void everyCountOfTheDefaultSchemeSortsInCommitOrder() {
        everyCountOfANarrowSchemeSortsInCommitOrderBetweenTheReleases(StagingScheme.DEFAULT, Version.parse("0.2.1"), 29L);
    }

    @Property
    void successiveCountsSortInCommitOrderInAnyScheme(@ForAll("staging") StagingVersion earlier,
            @ForAll("commits64") String laterCommit) {
        StagingScheme scheme = earlier.scheme();
        if (earlier.count() == scheme.maxCount()) {
            assertThatThrownBy(() -> scheme.version(earlier.base(), earlier.count() + 1, laterCommit))
                    .isInstanceOf(CountOverflowException.class);
            return;
        }
        // a later commit may have any id: the count decides (9 -> 10 and 999 -> 1000 included)
        StagingVersion later = scheme.version(earlier.base(), earlier.count() + 1, laterCommit);
        assertThat(earlier.compareTo(later)).isNegative();
        assertThat(Version.PRECEDENCE.compare(earlier.toVersion(), later.toVersion())).isNegative();
        assertThat(SemVerOracle.precedence(earlier.toString(), later.toString())).isNegative();
    }

    @Property
    void stagingVersionsOfOneBaseSortByCount(@ForAll("sameBase") List<StagingVersion> versions) {
        List<StagingVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.naturalOrder());
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i - 1).count()).isLessThanOrEqualTo(sorted.get(i).count());
        }
        List<Version> byPrecedence = new ArrayList<>(versions.stream().map(StagingVersion::toVersion).toList());
        byPrecedence.sort(Version.PRECEDENCE);
        for (int i = 1; i < byPrecedence.size(); i++) {
            assertThat(versions.get(0).scheme().match(byPrecedence.get(i - 1)).orElseThrow().count())
                    .isLessThanOrEqualTo(versions.get(0).scheme().match(byPrecedence.get(i)).orElseThrow().count());
        }
    }

    @Property
    void aStagingVersionSortsBelowExactlyTheReleasesFromItsBaseOn(@ForAll("staging") StagingVersion staging,
            @ForAll("releases") Version release) {
        for (Version r : List.of(release, staging.base(), staging.base().nextPatch(), previous(staging.base()))) {
            boolean below = Version.PRECEDENCE.compare(staging.toVersion(), r) < 0;
            assertThat(below).as("%s < %s", staging, r).isEqualTo(Version.PRECEDENCE.compare(staging.base(), r) <= 0);
        }
    }

    @Property
    void orderIsConsistentWithEquals(@ForAll("staging") StagingVersion a, @ForAll("staging") StagingVersion b) {
        assertThat(a.compareTo(a)).isZero();
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    // ---------------------------------------------------------------- any string

    @Property(tries = 2000)
    void anyStringIsASchemeOrThrowsInvalidPatternException(@ForAll("schemeish") String text) {
        StagingScheme scheme;
        try {
            scheme = StagingScheme.parse(text);
        } catch (InvalidPatternException e) {
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).startsWith("invalid pre-release scheme \"" + text + "\": ");
            return;
        }
        // whatever parses writes versions that are SemVer, non-numeric, and read back
        assertThat(scheme.pattern()).isEqualTo(text);
        StagingVersion staging = scheme.version(Version.of(1, 0, 0), scheme.maxCount(), "0".repeat(64));
        assertThat(SemVerOracle.isValid(staging.toString())).isTrue();
        assertThat(staging.toVersion().prerelease().get(0)).matches(".*[^0-9].*");
        assertThat(scheme.parseVersion(staging.toString())).isEqualTo(staging);
    }

    @Property(tries = 2000)
    void anyStringIsADefaultStagingVersionOrThrowsInvalidVersionException(@ForAll("stagingish") String text) {
        try {
            StagingVersion staging = StagingScheme.DEFAULT.parseVersion(text);
            assertThat(staging).hasToString(text);
            assertThat(staging.scheme()).isEqualTo(StagingScheme.DEFAULT);
        } catch (InvalidVersionException e) {
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).contains("\"" + text + "\"");
        }
    }

    // ---------------------------------------------------------------- helpers and arbitraries

    private static String hex(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return sb.toString();
    }

    /** A release just below {@code base}: the previous patch, minor or major line. */
    private static Version previous(Version base) {
        if (base.patch().signum() > 0) {
            return new Version(base.major(), base.minor(), base.patch().subtract(java.math.BigInteger.ONE), List.of(), List.of());
        }
        if (base.minor().signum() > 0) {
            return new Version(base.major(), base.minor().subtract(java.math.BigInteger.ONE), base.patch(), List.of(), List.of());
        }
        return base.major().signum() > 0
                ? new Version(base.major().subtract(java.math.BigInteger.ONE), base.minor(), base.patch(), List.of(), List.of())
                : base;
    }

    @Provide
    Arbitrary<StagingVersion> staging() {
        return SlipwayArbitraries.stagingVersions();
    }

    @Provide
    Arbitrary<StagingScheme> schemes() {
        return SlipwayArbitraries.stagingSchemes();
    }

    /** Schemes of at most four count digits, the default (every boundary up to 999 -> 1000) often among them. */
    @Provide
    Arbitrary<StagingScheme> narrowSchemes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(StagingScheme.DEFAULT)),
                net.jqwik.api.Tuple.of(3, SlipwayArbitraries.stagingSchemes().filter(scheme -> scheme.countWidth() <= 4)));
    }

    @Provide
    Arbitrary<Version> releases() {
        return SlipwayArbitraries.releaseVersions();
    }

    @Provide
    Arbitrary<Version> versions() {
        return Arbitraries.oneOf(SlipwayArbitraries.versions(), SlipwayArbitraries.stagingVersions().map(StagingVersion::toVersion));
    }

    @Provide
    Arbitrary<String> commits64() {
        return net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Provide
    Arbitrary<List<StagingVersion>> sameBase() {
        return SlipwayArbitraries.stagingHistories();
    }

    @Provide
    Arbitrary<String> schemeish() {
        return NearMisses.of(SlipwayArbitraries.stagingSchemes().map(StagingScheme::pattern),
                "rcg{}:countsha0123456789-._ x");
    }

    @Provide
    Arbitrary<String> stagingish() {
        return NearMisses.of(SlipwayArbitraries.stagingVersions(StagingScheme.DEFAULT).map(StagingVersion::toString),
                "0123456789abcdefABCDEFgrcGx.-+");
    }
}
