package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.InvalidVersionException;
import dev.slipway.api.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of {@link Version}: round trips, SemVer precedence as a total order, bumps, parse-or-throw. */
class VersionProperties {

    // ---------------------------------------------------------------- round trips

    @Property
    void parseOfToStringIsIdentity(@ForAll("versions") Version version) {
        assertThat(Version.parse(version.toString())).isEqualTo(version);
    }

    @Property
    void toStringOfParseIsIdentity(@ForAll("texts") String text) {
        assertThat(SemVerOracle.isValid(text)).as("the arbitrary writes SemVer").isTrue();
        assertThat(Version.parse(text)).hasToString(text);
    }

    // ---------------------------------------------------------------- precedence

    @Property
    void precedenceIsSemVerSection11(@ForAll("close") Version a, @ForAll("close") Version b) {
        assertThat(Integer.signum(Version.PRECEDENCE.compare(a, b)))
                .as("PRECEDENCE(%s, %s)", a, b)
                .isEqualTo(Integer.signum(SemVerOracle.precedence(a.toString(), b.toString())));
    }

    @Property
    void precedenceIsSemVerSection11ForAnyVersions(@ForAll("versions") Version a, @ForAll("versions") Version b) {
        assertThat(Integer.signum(Version.PRECEDENCE.compare(a, b)))
                .isEqualTo(Integer.signum(SemVerOracle.precedence(a.toString(), b.toString())));
    }

    @Property
    void precedenceIsSemVerSection11ForVersionsThatShareAPrefix(@ForAll("versions") Version a,
            @ForAll("prereleaseTails") List<String> tail) {
        // a and a with more identifiers, or with its last identifier replaced: the interesting comparisons
        List<String> longer = new ArrayList<>(a.prerelease());
        longer.addAll(tail);
        Version b = a.withPrerelease(longer);
        assertThat(Integer.signum(Version.PRECEDENCE.compare(a, b)))
                .isEqualTo(Integer.signum(SemVerOracle.precedence(a.toString(), b.toString())));
        if (!a.prerelease().isEmpty() && !tail.isEmpty()) {
            List<String> replaced = new ArrayList<>(a.prerelease());
            replaced.set(replaced.size() - 1, tail.get(0));
            Version c = a.withPrerelease(replaced);
            assertThat(Integer.signum(Version.PRECEDENCE.compare(a, c)))
                    .isEqualTo(Integer.signum(SemVerOracle.precedence(a.toString(), c.toString())));
        }
    }

    @Property
    void precedenceIsReflexiveAndIgnoresBuild(@ForAll("versions") Version a, @ForAll("builds") List<String> build) {
        assertThat(Version.PRECEDENCE.compare(a, a)).isZero();
        assertThat(Version.PRECEDENCE.compare(a, Version.parse(a.toString()))).isZero();
        Version rebuilt = new Version(a.major(), a.minor(), a.patch(), a.prerelease(), build);
        assertThat(Version.PRECEDENCE.compare(a, rebuilt)).isZero();
        assertThat(Version.PRECEDENCE.compare(rebuilt, a)).isZero();
    }

    @Property
    void bothOrdersAreAntisymmetric(@ForAll("close") Version a, @ForAll("close") Version b) {
        assertThat(Integer.signum(Version.PRECEDENCE.compare(a, b))).isEqualTo(-Integer.signum(Version.PRECEDENCE.compare(b, a)));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    @Property
    void bothOrdersAreTransitive(@ForAll("close") Version a, @ForAll("close") Version b, @ForAll("close") Version c) {
        for (Comparator<Version> order : List.of(Version.PRECEDENCE, Comparator.<Version>naturalOrder())) {
            if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
                assertThat(order.compare(a, c)).as("%s <= %s <= %s", a, b, c).isNotPositive();
            }
            if (order.compare(a, b) < 0 && order.compare(b, c) <= 0) {
                assertThat(order.compare(a, c)).isNegative();
            }
            if (order.compare(a, b) == 0) {
                assertThat(Integer.signum(order.compare(a, c))).isEqualTo(Integer.signum(order.compare(b, c)));
            }
        }
    }

    @Property
    void sortingAgreesWithTheOracle(@ForAll("closeLists") List<Version> versions) {
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Version.PRECEDENCE);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(SemVerOracle.precedence(sorted.get(i - 1).toString(), sorted.get(i).toString())).isNotPositive();
        }
    }

    @Property
    void compareToIsConsistentWithEquals(@ForAll("close") Version a, @ForAll("close") Version b) {
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
            assertThat(a.toString()).isEqualTo(b.toString());
        }
    }

    @Property
    void compareToRefinesPrecedence(@ForAll("close") Version a, @ForAll("close") Version b) {
        int precedence = Version.PRECEDENCE.compare(a, b);
        if (precedence != 0) {
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(precedence));
        } else {
            // equal precedence: only build metadata may tell them apart
            assertThat(a.versionCore()).isEqualTo(b.versionCore());
            assertThat(a.prerelease()).isEqualTo(b.prerelease());
        }
    }

    // ---------------------------------------------------------------- bumps

    @Property
    void bumpsAreStrictlyGreaterAndOrdered(@ForAll("versions") Version v) {
        for (Version next : List.of(v.nextPatch(), v.nextMinor(), v.nextMajor())) {
            assertThat(Version.PRECEDENCE.compare(v, next)).as("%s < %s", v, next).isNegative();
            assertThat(v.compareTo(next)).isNegative();
            assertThat(next.isPrerelease()).isFalse();
            assertThat(next.build()).isEmpty();
        }
        assertThat(Version.PRECEDENCE.compare(v.nextPatch(), v.nextMinor())).isNegative();
        assertThat(Version.PRECEDENCE.compare(v.nextMinor(), v.nextMajor())).isNegative();
        assertThat(v.nextMajor().major()).isEqualTo(v.major().add(java.math.BigInteger.ONE));
        assertThat(v.nextMinor().minor()).isEqualTo(v.minor().add(java.math.BigInteger.ONE));
        assertThat(v.nextPatch().patch()).isEqualTo(v.patch().add(java.math.BigInteger.ONE));
    }

    @Property
    void aPrereleaseSortsBelowItsRelease(@ForAll("versions") Version v) {
        if (v.isPrerelease()) {
            assertThat(Version.PRECEDENCE.compare(v, v.versionCore())).isNegative();
        } else {
            assertThat(Version.PRECEDENCE.compare(v, v.versionCore())).isZero();
        }
    }

    // ---------------------------------------------------------------- any string

    @Property(tries = 3000)
    void anyStringParsesExactlyWhenSemVerSaysSoOrThrowsTheDocumentedException(@ForAll("versionish") String text) {
        boolean valid = SemVerOracle.isValid(text);
        try {
            Version version = Version.parse(text);
            assertThat(valid).as("parsed \"%s\", which semver.org's expression refuses", text).isTrue();
            assertThat(version).hasToString(text);
        } catch (InvalidVersionException e) {
            assertThat(valid).as("refused \"%s\", which semver.org's expression accepts: %s", text, e.getMessage()).isFalse();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).startsWith("invalid version \"" + text + "\": ");
        }
    }

    // ---------------------------------------------------------------- arbitraries

    @Provide
    Arbitrary<Version> versions() {
        return SlipwayArbitraries.versions();
    }

    @Provide
    Arbitrary<String> texts() {
        return SlipwayArbitraries.versionText();
    }

    @Provide
    Arbitrary<List<String>> builds() {
        return SlipwayArbitraries.buildIdentifiers().list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> prereleaseTails() {
        return SlipwayArbitraries.prereleaseIdentifiers().list().ofMaxSize(3);
    }

    /** Versions drawn from a small pool of parts, so that equal cores, shared prefixes and ties are common. */
    @Provide
    Arbitrary<Version> close() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "18446744073709551616");
        Arbitrary<String> identifier = Arbitraries.of("0", "1", "2", "10", "99999999999999999999", "a", "a-", "-", "0a",
                "A", "alpha", "beta", "rc");
        Arbitrary<String> pre = identifier.list().ofMaxSize(3).map(ids -> ids.isEmpty() ? "" : "-" + String.join(".", ids));
        Arbitrary<String> build = Arbitraries.of("", "", "+b", "+a.1", "+0", "+b.0");
        return Combinators.combine(number, number, number, pre, build)
                .as((x, y, z, p, b) -> Version.parse(x + "." + y + "." + z + p + b));
    }

    @Provide
    Arbitrary<List<Version>> closeLists() {
        return close().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> versionish() {
        return Arbitraries.oneOf(
                NearMisses.of(SlipwayArbitraries.versionText(), "0123456789.-+abzAZvV_ \t\n\u00e9\u0663"),
                assembled());
    }

    /** Texts put together from valid and broken parts: leading zeros, empty or foreign identifiers, extra parts. */
    private static Arbitrary<String> assembled() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> number = Arbitraries.oneOf(SlipwayArbitraries.versionNumbers().map(Object::toString),
                digits.map(d -> "0" + d), Arbitraries.of("", "x", "-1", "+1", "1a", "\u0663"));
        Arbitrary<String> identifier = Arbitraries.oneOf(SlipwayArbitraries.prereleaseIdentifiers(), digits.map(d -> "0" + d),
                Arbitraries.of("", "0", "00", "a_b", "\u00e9", "a+b", "a b", "a.b"));
        Arbitrary<String> core = number.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
        Arbitrary<String> pre = identifier.list().ofMaxSize(3).map(ids -> ids.isEmpty() ? "" : "-" + String.join(".", ids));
        Arbitrary<String> build = identifier.list().ofMaxSize(3).map(ids -> ids.isEmpty() ? "" : "+" + String.join(".", ids));
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "", "v", "V", " ", "=");
        Arbitrary<String> suffix = Arbitraries.of("", "", "", "", " ", "\n", "+", "-", ".");
        return Combinators.combine(prefix, core, pre, build, suffix).as((a, b, c, d, e) -> a + b + c + d + e);
    }
}
