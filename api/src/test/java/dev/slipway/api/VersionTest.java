package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Version} against the examples of the SemVer 2.0.0 specification and the valid/invalid lists that
 * accompany its suggested regular expression (semver.org, regex101.com/r/vkijKf/1).
 */
class VersionTest {

    private static Version v(String text) {
        return Version.parse(text);
    }

    private static BigInteger big(String digits) {
        return new BigInteger(digits);
    }

    @Nested
    @DisplayName("texts the semver.org regular expression accepts")
    class Valid {

        @ParameterizedTest
        @ValueSource(strings = {
            "0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid",
            "1.0.0-alpha", "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1",
            "1.0.0-alpha0.valid", "1.0.0-alpha.0valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
            "1.0.0-rc.1+build.1", "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123",
            "1.0.0", "2.0.0", "1.1.7", "2.0.0+build.1848", "2.0.1-alpha.1227", "1.0.0-alpha+beta",
            "1.2.3----RC-SNAPSHOT.12.9.1--.12+788", "1.2.3----R-S.12.9.1--.12+meta", "1.2.3----RC-SNAPSHOT.12.9.1--.12",
            "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "99999999999999999999999.999999999999999999.99999999999999999",
            "1.0.0-0A.is.legal",
            // spec §9 and §10 examples
            "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0-alpha+001", "1.0.0+20130313144700",
            "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD",
            // zero is not a leading zero; build identifiers may have leading zeros
            "0.0.0", "0.0.0-0", "1.0.0+0001", "1.0.0-0.0", "1.0.0--", "1.0.0-a-"
        })
        void parsesAndRoundTrips(String text) {
            Version version = v(text);
            assertThat(version.toString()).isEqualTo(text);
            assertThat(v(version.toString())).isEqualTo(version);
        }

        @Test
        void splitsAtTheFirstHyphenAfterTheCoreAndTheFirstPlus() {
            Version version = v("1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay");
            assertThat(version.prerelease()).containsExactly("alpha-a", "b-c-somethinglong");
            assertThat(version.build()).containsExactly("build", "1-aef", "1-its-okay");

            Version dashes = v("1.2.3----RC-SNAPSHOT.12.9.1--.12+788");
            assertThat(dashes.prerelease()).containsExactly("---RC-SNAPSHOT", "12", "9", "1--", "12");
            assertThat(dashes.build()).containsExactly("788");

            // a '-' inside build metadata does not start a pre-release
            Version metaOnly = v("1.0.0+0.build.1-rc.10000aaa-kk-0.1");
            assertThat(metaOnly.prerelease()).isEmpty();
            assertThat(metaOnly.isPrerelease()).isFalse();
            assertThat(metaOnly.build()).containsExactly("0", "build", "1-rc", "10000aaa-kk-0", "1");
        }

        @Test
        void readsTheParts() {
            Version version = v("1.2.3-rc.1+build.5");
            assertThat(version.major()).isEqualTo(BigInteger.ONE);
            assertThat(version.minor()).isEqualTo(BigInteger.TWO);
            assertThat(version.patch()).isEqualTo(BigInteger.valueOf(3));
            assertThat(version.prerelease()).containsExactly("rc", "1");
            assertThat(version.build()).containsExactly("build", "5");
            assertThat(version.isPrerelease()).isTrue();
        }

        @Test
        void numbersHaveNoSizeLimit() {
            Version version = v("99999999999999999999999.999999999999999999.99999999999999999");
            assertThat(version.major()).isEqualTo(big("99999999999999999999999"));
            assertThat(version.minor()).isEqualTo(big("999999999999999999"));
            assertThat(version.patch()).isEqualTo(big("99999999999999999"));
            assertThat(version.nextMajor()).hasToString("100000000000000000000000.0.0");
            assertThat(version.nextPatch()).hasToString("99999999999999999999999.999999999999999999.100000000000000000");
        }
    }

    @Nested
    @DisplayName("texts the semver.org regular expression refuses, each with the rule it breaks")
    class Invalid {

        static Stream<Arguments> semverOrgInvalidList() {
            String threeNumbers = "expected MAJOR.MINOR.PATCH (three numbers separated by dots)";
            String leadingZero = "numeric with a leading zero";
            String emptyId = "is empty (two dots in a row, or a trailing dot)";
            return Stream.of(
                    Arguments.of("1", threeNumbers + ", found 1 part in \"1\""),
                    Arguments.of("1.2", threeNumbers + ", found 2 parts in \"1.2\""),
                    Arguments.of("1.2.3-0123", "the pre-release identifier \"0123\" is " + leadingZero),
                    Arguments.of("1.2.3-0123.0123", "the pre-release identifier \"0123\" is " + leadingZero),
                    Arguments.of("1.1.2+.123", "the build metadata identifier \"\" " + emptyId),
                    Arguments.of("+invalid", threeNumbers + ", found 1 part in \"\""),
                    Arguments.of("-invalid", threeNumbers + ", found 1 part in \"\""),
                    Arguments.of("-invalid+invalid", threeNumbers + ", found 1 part in \"\""),
                    Arguments.of("-invalid.01", "the pre-release identifier \"01\" is " + leadingZero),
                    Arguments.of("alpha", threeNumbers + ", found 1 part in \"alpha\""),
                    Arguments.of("alpha.beta", threeNumbers + ", found 2 parts"),
                    Arguments.of("alpha.beta.1", "the major version \"alpha\" is not a number (digits 0-9 only)"),
                    Arguments.of("alpha.1", threeNumbers + ", found 2 parts"),
                    Arguments.of("alpha+beta", threeNumbers + ", found 1 part in \"alpha\""),
                    Arguments.of("alpha_beta", threeNumbers + ", found 1 part"),
                    Arguments.of("alpha.", threeNumbers + ", found 2 parts"),
                    Arguments.of("alpha..", "the major version \"alpha\" is not a number"),
                    Arguments.of("beta", threeNumbers + ", found 1 part"),
                    Arguments.of("1.0.0-alpha_beta",
                            "the pre-release identifier \"alpha_beta\" holds '_'; identifiers use only [0-9A-Za-z-]"),
                    Arguments.of("-alpha.", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha..", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha..1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha...1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha....1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha.....1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha......1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("1.0.0-alpha.......1", "the pre-release identifier \"\" " + emptyId),
                    Arguments.of("01.1.1", "the major version \"01\" has a leading zero"),
                    Arguments.of("1.01.1", "the minor version \"01\" has a leading zero"),
                    Arguments.of("1.1.01", "the patch version \"01\" has a leading zero"),
                    Arguments.of("1.2.3.DEV", threeNumbers + ", found 4 parts in \"1.2.3.DEV\""),
                    Arguments.of("1.2-SNAPSHOT", threeNumbers + ", found 2 parts in \"1.2\""),
                    Arguments.of("1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
                            "the pre-release identifier \"09\" is " + leadingZero),
                    Arguments.of("1.2-RC-SNAPSHOT", threeNumbers + ", found 2 parts in \"1.2\""),
                    Arguments.of("-1.0.3-gamma+b7718", threeNumbers + ", found 1 part in \"\""),
                    Arguments.of("+justmeta", threeNumbers + ", found 1 part in \"\""),
                    Arguments.of("9.8.7+meta+meta", "the build metadata identifier \"meta+meta\" holds '+'"),
                    Arguments.of("9.8.7-whatever+meta+meta", "the build metadata identifier \"meta+meta\" holds '+'"),
                    Arguments.of("99999999999999999999999.999999999999999999.99999999999999999----RC-SNAPSHOT.12.09.1"
                            + "--------------------------------..12", "the pre-release identifier \"09\" is " + leadingZero));
        }

        static Stream<Arguments> moreInvalid() {
            return Stream.of(
                    Arguments.of("v1.2.3", "a 'v' prefix is not part of SemVer; write 1.2.3"),
                    Arguments.of("V1.2.3-rc.1", "a 'V' prefix is not part of SemVer; write 1.2.3-rc.1"),
                    Arguments.of(" 1.2.3", "it contains whitespace at index 0"),
                    Arguments.of("1.2.3 ", "it contains whitespace at index 5"),
                    Arguments.of("1.2.3\n", "it contains whitespace at index 5"),
                    Arguments.of("\t1.2.3", "it contains whitespace at index 0"),
                    Arguments.of("1.2. 3", "it contains whitespace at index 4"),
                    Arguments.of("", "it is empty; expected MAJOR.MINOR.PATCH"),
                    Arguments.of("1.0.0-", "the pre-release after '-' is empty"),
                    Arguments.of("1.0.0+", "the build metadata after '+' is empty"),
                    Arguments.of("1.0.0-+b", "the pre-release after '-' is empty"),
                    Arguments.of("1.0.0-rc.", "the pre-release identifier \"\" is empty"),
                    Arguments.of("1.0.0+b..c", "the build metadata identifier \"\" is empty"),
                    Arguments.of("1..3", "the minor version is empty"),
                    Arguments.of(".2.3", "the major version is empty"),
                    Arguments.of("1.2.", "the patch version is empty"),
                    Arguments.of("1.2.x", "the patch version \"x\" is not a number (digits 0-9 only)"),
                    Arguments.of("1.2.\u0663", "the patch version \"\u0663\" is not a number"), // Arabic-Indic three
                    Arguments.of("1.2.3-\u00e9", "the pre-release identifier \"\u00e9\" holds '\u00e9'"),
                    Arguments.of("1.2.3-rc/1", "holds '/'"),
                    // 'v' alone, or not followed by a digit, is not called a prefix
                    Arguments.of("v", threeNumbers() + ", found 1 part in \"v\""),
                    Arguments.of("vim", threeNumbers() + ", found 1 part in \"vim\""));
        }

        private static String threeNumbers() {
            return "expected MAJOR.MINOR.PATCH (three numbers separated by dots)";
        }

        @ParameterizedTest
        @MethodSource({"semverOrgInvalidList", "moreInvalid"})
        void isRefusedWithTheRuleItBreaks(String text, String rule) {
            InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class, () -> Version.parse(text));
            assertThat(e).as("Version.parse(\"%s\") must throw", text).isNotNull();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage())
                    .startsWith("invalid version \"" + text + "\": ")
                    .contains(rule)
                    .endsWith("(SemVer 2.0.0: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])");
            assertThat(e).isInstanceOf(InvalidInputException.class).isInstanceOf(SlipwayException.class);
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatThrownBy(() -> Version.parse(null)).isExactlyInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("precedence, SemVer 2.0.0 §11")
    class Precedence {

        private final List<String> specChain = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");

        private void assertAscending(List<String> texts) {
            for (int i = 0; i < texts.size(); i++) {
                for (int j = 0; j < texts.size(); j++) {
                    Version a = v(texts.get(i));
                    Version b = v(texts.get(j));
                    int expected = Integer.compare(i, j);
                    assertThat(Integer.signum(Version.PRECEDENCE.compare(a, b)))
                            .as("PRECEDENCE(%s, %s)", a, b).isEqualTo(expected);
                    assertThat(Integer.signum(a.compareTo(b))).as("%s.compareTo(%s)", a, b).isEqualTo(expected);
                }
            }
        }

        @Test
        void theSpecsPrereleaseChain() {
            assertAscending(specChain);
        }

        @Test
        void theSpecsReleaseChain() {
            assertAscending(List.of("1.0.0", "2.0.0", "2.1.0", "2.1.1"));
        }

        @Test
        void sortingAShuffledChainRestoresIt() {
            List<Version> shuffled = new ArrayList<>(specChain.stream().map(Version::parse).toList());
            Collections.shuffle(shuffled, new Random(42));
            shuffled.sort(Version.PRECEDENCE);
            assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(specChain);
            Collections.shuffle(shuffled, new Random(7));
            Collections.sort(shuffled);
            assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(specChain);
        }

        @Test
        void numbersCompareNumericallyNotAsText() {
            assertAscending(List.of("2.0.0", "10.0.0", "99999999999999999999999.0.0"));
            assertAscending(List.of("1.9.0", "1.10.0", "1.11.0"));
            assertAscending(List.of("1.0.9", "1.0.10", "1.0.100"));
            assertAscending(List.of("1.0.0-2", "1.0.0-10", "1.0.0-99999999999999999999", "1.0.0-100000000000000000000"));
            assertAscending(List.of("1.0.0-beta.9", "1.0.0-beta.10"));
        }

        @Test
        void numericIdentifiersSortBelowAlphanumericOnes() {
            assertAscending(List.of("1.0.0-1", "1.0.0-99999999999999999999", "1.0.0--", "1.0.0-0a", "1.0.0-a"));
            assertAscending(List.of("1.0.0-alpha.1", "1.0.0-alpha.a"));
        }

        @Test
        void alphanumericIdentifiersCompareInAsciiOrder() {
            // ASCII: '-' < digits < upper case < lower case
            assertAscending(List.of("1.0.0--", "1.0.0-1a", "1.0.0-A", "1.0.0-Z", "1.0.0-a", "1.0.0-a-", "1.0.0-ab", "1.0.0-b"));
        }

        @Test
        void aLongerSetOfIdentifiersWinsWhenThePrefixIsEqual() {
            assertAscending(List.of("1.0.0-a", "1.0.0-a.0", "1.0.0-a.0.0", "1.0.0-a.1"));
        }

        @Test
        void buildMetadataIsIgnoredByPrecedence() {
            assertThat(Version.PRECEDENCE.compare(v("1.0.0+a"), v("1.0.0+b"))).isZero();
            assertThat(Version.PRECEDENCE.compare(v("1.0.0"), v("1.0.0+20130313144700"))).isZero();
            assertThat(Version.PRECEDENCE.compare(v("1.0.0-beta+exp.sha.5114f85"), v("1.0.0-beta"))).isZero();
            assertThat(Version.PRECEDENCE.compare(v("1.0.0-alpha+zzz"), v("1.0.0-alpha.1+aaa"))).isNegative();
            assertThat(Version.PRECEDENCE.compare(v("1.0.0+zzz"), v("1.0.1+aaa"))).isNegative();
        }

        @Test
        void compareToBreaksPrecedenceTiesByBuildMetadataOnly() {
            Version a = v("1.0.0+a");
            Version b = v("1.0.0+b");
            assertThat(a).isNotEqualTo(b);
            assertThat(a.compareTo(b)).isNegative();
            assertThat(b.compareTo(a)).isPositive();
            assertThat(v("1.0.0").compareTo(v("1.0.0+0"))).isNegative();
            assertThat(v("1.0.0+a").compareTo(v("1.0.0+a.0"))).isNegative();
            assertThat(v("1.0.0+a.b").compareTo(v("1.0.0+a.b"))).isZero();
            // build metadata never outweighs precedence
            assertThat(v("1.0.0-rc.1+zzz").compareTo(v("1.0.0+aaa"))).isNegative();
            assertThat(v("1.0.1+0").compareTo(v("1.0.0+9"))).isPositive();
        }

        @Test
        void compareToIsZeroExactlyForEqualVersions() {
            List<String> texts = List.of("1.0.0", "1.0.0+a", "1.0.0+b", "1.0.0+a.b", "1.0.0-rc.1", "1.0.0-rc.1+a",
                    "1.0.0-rc.01a", "1.0.0-rc.1a", "2.0.0");
            for (String x : texts) {
                for (String y : texts) {
                    assertThat(v(x).compareTo(v(y)) == 0).as("%s vs %s", x, y).isEqualTo(v(x).equals(v(y)));
                }
            }
        }

        @Test
        void precedenceRejectsNull() {
            assertThatThrownBy(() -> Version.PRECEDENCE.compare(v("1.0.0"), null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Version.PRECEDENCE.compare(null, v("1.0.0"))).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("construction and derived versions")
    class Construction {

        @Test
        void ofBuildsAReleaseEqualToTheParsedOne() {
            assertThat(Version.of(1, 2, 3)).isEqualTo(v("1.2.3")).hasSameHashCodeAs(v("1.2.3"));
            assertThat(new Version(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), List.of("rc", "1"), List.of("b")))
                    .isEqualTo(v("1.2.3-rc.1+b"));
        }

        @Test
        void negativeNumbersAreRefused() {
            assertThatThrownBy(() -> Version.of(1, -2, 3))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid version \"1.-2.3\": major, minor and patch must not be negative")
                    .extracting(e -> ((InvalidVersionException) e).input()).isEqualTo("1.-2.3");
        }

        @Test
        void theConstructorChecksIdentifiers() {
            assertThatThrownBy(() -> new Version(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, List.of("01"), List.of()))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid pre-release identifier \"01\": it is numeric with a leading zero");
            assertThatThrownBy(() -> new Version(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, List.of(), List.of("a b")))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid build identifier \"a b\": it holds ' '; identifiers use only [0-9A-Za-z-]");
            assertThatThrownBy(() -> Version.of(1, 0, 0).withPrerelease(List.of("rc", "")))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("invalid pre-release identifier \"\": it is empty");
            // leading zeros are fine in build metadata
            assertThat(new Version(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, List.of(), List.of("007")))
                    .hasToString("1.0.0+007");
        }

        @Test
        void identifierListsAreCopiedAndUnmodifiable() {
            List<String> pre = new ArrayList<>(List.of("rc", "1"));
            Version version = new Version(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, pre, List.of());
            pre.set(1, "2");
            assertThat(version).hasToString("1.0.0-rc.1");
            assertThatThrownBy(() -> version.prerelease().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> version.build().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nextVersionsDropPrereleaseAndBuild() {
            Version version = v("1.2.3-rc.1+b.5");
            assertThat(version.nextMajor()).isEqualTo(v("2.0.0"));
            assertThat(version.nextMinor()).isEqualTo(v("1.3.0"));
            assertThat(version.nextPatch()).isEqualTo(v("1.2.4"));
            assertThat(v("0.9.9").nextMinor()).isEqualTo(v("0.10.0"));
            assertThat(v("0.0.9").nextPatch()).isEqualTo(v("0.0.10"));
        }

        @Test
        void versionCoreAndPrerelease() {
            assertThat(v("1.2.3-rc.1+b").versionCore()).isEqualTo(v("1.2.3"));
            Version release = v("1.2.3");
            assertThat(release.versionCore()).isSameAs(release);
            assertThat(v("1.2.3+b").versionCore()).isEqualTo(release);
            assertThat(v("1.2.3+b").withPrerelease(List.of("rc", "2"))).isEqualTo(v("1.2.3-rc.2+b"));
            assertThat(v("1.2.3-rc.1").withPrerelease(List.of())).isEqualTo(release);
            assertThat(v("1.2.3-0").isPrerelease()).isTrue();
            assertThat(v("1.2.3+0").isPrerelease()).isFalse();
        }

        @Test
        void initialDevelopmentIsMajorZero() {
            assertThat(v("0.1.0").isInitialDevelopment()).isTrue();
            assertThat(v("0.0.0-rc.1").isInitialDevelopment()).isTrue();
            assertThat(v("1.0.0").isInitialDevelopment()).isFalse();
            assertThat(v("10.0.0").isInitialDevelopment()).isFalse();
        }
    }
}
