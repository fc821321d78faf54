package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

/** {@link StagingScheme} and {@link StagingVersion}: the {@code X.Y.Z-rcNNNN-gSHA} versions of staging builds. */
class StagingSchemeTest {

    private static final String COMMIT = "1234567890abcdef1234567890abcdef12345678";
    private static final Version BASE = Version.parse("0.2.2");

    @Nested
    @DisplayName("the default scheme rc{count:4}-g{sha:7}")
    class Default {

        @Test
        void formatsTheKitsExample() {
            StagingVersion staging = StagingScheme.DEFAULT.version(BASE, 29, COMMIT);
            assertThat(staging).hasToString("0.2.2-rc0029-g1234567");
            assertThat(staging.toVersion()).isEqualTo(Version.parse("0.2.2-rc0029-g1234567"));
            assertThat(staging.toVersion().prerelease()).containsExactly("rc0029-g1234567");
            assertThat(staging.base()).isEqualTo(BASE);
            assertThat(staging.count()).isEqualTo(29);
            assertThat(staging.sha()).isEqualTo("1234567");
            assertThat(staging.scheme()).isSameAs(StagingScheme.DEFAULT);
        }

        @Test
        void describesItself() {
            StagingScheme scheme = StagingScheme.DEFAULT;
            assertThat(scheme.pattern()).isEqualTo("rc{count:4}-g{sha:7}");
            assertThat(scheme).hasToString("rc{count:4}-g{sha:7}");
            assertThat(scheme.countWidth()).isEqualTo(4);
            assertThat(scheme.shaLength()).isEqualTo(7);
            assertThat(scheme.maxCount()).isEqualTo(9999);
            assertThat(StagingScheme.parse("rc{count:4}-g{sha:7}")).isSameAs(StagingScheme.DEFAULT);
            assertThat(StagingScheme.of(4, 7)).isSameAs(StagingScheme.DEFAULT);
        }

        @Test
        void padsCountZero() {
            assertThat(StagingScheme.DEFAULT.version(BASE, 0, COMMIT)).hasToString("0.2.2-rc0000-g1234567");
        }

        @Test
        void takesTheLargestCountThatFits() {
            assertThat(StagingScheme.DEFAULT.version(BASE, 9999, COMMIT)).hasToString("0.2.2-rc9999-g1234567");
        }

        @Test
        void refusesACountThatNeedsAFifthDigit() {
            CountOverflowException e = catchThrowableOfType(CountOverflowException.class,
                    () -> StagingScheme.DEFAULT.version(BASE, 10_000, COMMIT));
            assertThat(e).isNotNull().isInstanceOf(InvalidInputException.class);
            assertThat(e.count()).isEqualTo(10_000);
            assertThat(e.width()).isEqualTo(4);
            assertThat(e.base()).isEqualTo(BASE);
            assertThat(e.input()).isEqualTo("10000");
            assertThat(e.getMessage())
                    .contains("commit count 10000 since base 0.2.2 does not fit the 4-digit count")
                    .contains("(at most 9999)")
                    .contains("SemVer compares pre-release identifiers as text, so rc10000 would sort below rc9999")
                    .contains("Cut a release of this service (a new base restarts the count at 0)")
                    .contains("widen the count in versioning.prerelease (for example {count:5})")
                    .contains("re-sorts the staging versions already published for 0.2.2");
        }

        @Test
        void thePrecedenceClaimInTheOverflowMessageIsTrue() {
            Version wider = Version.parse("0.2.2-rc10000-g1234567");
            Version last = Version.parse("0.2.2-rc9999-g1234567");
            assertThat(Version.PRECEDENCE.compare(wider, last)).isNegative();
        }

        @Test
        void lowerCasesTheCommitIdAndTakesItsPrefix() {
            assertThat(StagingScheme.DEFAULT.version(BASE, 1, "ABCDEF0123456789ABCDEF0123456789ABCDEF01"))
                    .hasToString("0.2.2-rc0001-gabcdef0");
            // exactly the SHA length is enough
            assertThat(StagingScheme.DEFAULT.version(BASE, 1, "abcdef0")).hasToString("0.2.2-rc0001-gabcdef0");
        }

        @Test
        void sortsByCountAcrossDigitBoundariesAndBetweenReleases() {
            Version previous = Version.parse("0.2.1");
            List<StagingVersion> ordered = new ArrayList<>();
            for (long count : new long[] {0, 1, 9, 10, 99, 100, 999, 1000, 9998, 9999}) {
                // a later commit may have a lower SHA: the count decides
                ordered.add(StagingScheme.DEFAULT.version(BASE, count, count % 2 == 0 ? "ffffffff" : "00000000"));
            }
            List<StagingVersion> shuffled = new ArrayList<>(ordered);
            Collections.shuffle(shuffled, new Random(3));
            Collections.sort(shuffled);
            assertThat(shuffled).containsExactlyElementsOf(ordered);
            for (int i = 1; i < ordered.size(); i++) {
                assertThat(Version.PRECEDENCE.compare(ordered.get(i - 1).toVersion(), ordered.get(i).toVersion()))
                        .isNegative();
            }
            for (StagingVersion staging : ordered) {
                assertThat(Version.PRECEDENCE.compare(previous, staging.toVersion())).isNegative();
                assertThat(Version.PRECEDENCE.compare(staging.toVersion(), BASE)).isNegative();
            }
        }
    }

    @Nested
    @DisplayName("configurable widths and shapes")
    class Configurable {

        @Test
        void ofSetsBothWidths() {
            StagingScheme scheme = StagingScheme.of(5, 10);
            assertThat(scheme.pattern()).isEqualTo("rc{count:5}-g{sha:10}");
            assertThat(scheme.countWidth()).isEqualTo(5);
            assertThat(scheme.shaLength()).isEqualTo(10);
            assertThat(scheme.maxCount()).isEqualTo(99_999);
            assertThat(scheme.version(BASE, 29, COMMIT)).hasToString("0.2.2-rc00029-g1234567890");
            assertThat(scheme.version(BASE, 10_000, COMMIT)).hasToString("0.2.2-rc10000-g1234567890");
            assertThatThrownBy(() -> scheme.version(BASE, 100_000, COMMIT))
                    .isInstanceOf(CountOverflowException.class)
                    .hasMessageContaining("does not fit the 5-digit count")
                    .hasMessageContaining("rc100000 would sort below rc99999")
                    .hasMessageContaining("{count:6}");
        }

        @Test
        void placeholdersWithoutWidthTakeTheDefaults() {
            StagingScheme scheme = StagingScheme.parse("dev{count}-{sha}");
            assertThat(scheme.countWidth()).isEqualTo(4);
            assertThat(scheme.shaLength()).isEqualTo(7);
            assertThat(scheme.version(BASE, 3, COMMIT)).hasToString("0.2.2-dev0003-1234567");
        }

        @Test
        void literalsMayBeEmptyAroundAndBetweenAsLongAsOneIsNotADigit() {
            assertThat(StagingScheme.parse("{count:2}-{sha:4}").version(BASE, 7, COMMIT)).hasToString("0.2.2-07-1234");
            assertThat(StagingScheme.parse("{count:2}{sha:4}x").version(BASE, 7, COMMIT)).hasToString("0.2.2-071234x");
            assertThat(StagingScheme.parse("B1{count:1}2{sha:4}3").version(BASE, 7, COMMIT)).hasToString("0.2.2-B1721234" + "3");
        }

        @Test
        void widthsSpanTheDocumentedRange() {
            assertThat(StagingScheme.of(1, 4).maxCount()).isEqualTo(9);
            assertThat(StagingScheme.of(18, 64).maxCount()).isEqualTo(999_999_999_999_999_999L);
            String sha256 = "ab".repeat(32);
            assertThat(StagingScheme.of(18, 64).version(BASE, 999_999_999_999_999_999L, sha256))
                    .hasToString("0.2.2-rc999999999999999999-g" + sha256);
        }

        @Test
        void theWidestCountIsNotToldToWiden() {
            assertThatThrownBy(() -> StagingScheme.of(18, 7).version(BASE, 1_000_000_000_000_000_000L, COMMIT))
                    .isInstanceOf(CountOverflowException.class)
                    .hasMessageContaining("Cut a release")
                    .hasMessageContaining("already as wide as a scheme allows")
                    .hasMessageNotContaining("{count:19}");
        }

        @Test
        void parseVersionReadsBackWhatVersionWrote() {
            for (StagingScheme scheme : List.of(StagingScheme.DEFAULT, StagingScheme.of(5, 10), StagingScheme.of(1, 4),
                    StagingScheme.parse("build-{count:3}-{sha:6}x"))) {
                StagingVersion staging = scheme.version(Version.parse("10.0.1"), Math.min(7, scheme.maxCount()), COMMIT);
                assertThat(scheme.parseVersion(staging.toString())).isEqualTo(staging);
                assertThat(scheme.match(staging.toVersion())).contains(staging);
            }
        }
    }

    @Nested
    @DisplayName("reading staging versions")
    class Reading {

        @Test
        void parseVersionOfTheKitsExample() {
            StagingVersion staging = StagingScheme.DEFAULT.parseVersion("0.2.2-rc0029-g1234567");
            assertThat(staging.base()).isEqualTo(BASE);
            assertThat(staging.count()).isEqualTo(29);
            assertThat(staging.sha()).isEqualTo("1234567");
            assertThat(staging).isEqualTo(StagingScheme.DEFAULT.version(BASE, 29, COMMIT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.2.2", "0.2.2-rc029-g1234567", "0.2.2-rc00029-g1234567", "0.2.2-rc0029-g123456",
            "0.2.2-rc0029-g12345678", "0.2.2-rc0029-g123456g", "0.2.2-rc0029-g123ABCD", "0.2.2-rc0029-g1234567+b",
            "0.2.2-rc0029-g1234567.1", "0.2.2-rc.0029-g1234567", "0.2.2-RC0029-g1234567", "0.2.2-rcx029-g1234567", "0.2.2-rc0029-x1234567"})
        void refusesVersionsOfAnotherShape(String text) {
            InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class,
                    () -> StagingScheme.DEFAULT.parseVersion(text));
            assertThat(e).as(text).isNotNull();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).isEqualTo("\"" + text + "\" is not a staging version of the scheme"
                    + " rc{count:4}-g{sha:7} (expected X.Y.Z-rc0029-g1234567)");
            assertThat(StagingScheme.DEFAULT.match(Version.parse(text))).isEmpty();
        }

        @Test
        void refusesTextThatIsNotSemVer() {
            assertThatThrownBy(() -> StagingScheme.DEFAULT.parseVersion("v0.2.2-rc0029-g1234567"))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("a 'v' prefix is not part of SemVer");
        }

        @Test
        void theExpectedShapeFitsOneDigitCounts() {
            // the example in the message used to repeat '0' a negative number of times for {count:1}
            assertThatThrownBy(() -> StagingScheme.of(1, 7).parseVersion("1.2.3"))
                    .isExactlyInstanceOf(InvalidVersionException.class)
                    .hasMessage("\"1.2.3\" is not a staging version of the scheme rc{count:1}-g{sha:7}"
                            + " (expected X.Y.Z-rc9-g1234567)");
            assertThatThrownBy(() -> StagingScheme.of(2, 4).parseVersion("1.2.3"))
                    .hasMessageEndingWith("(expected X.Y.Z-rc29-g1234)");
            assertThatThrownBy(() -> StagingScheme.of(6, 12).parseVersion("1.2.3"))
                    .hasMessageEndingWith("(expected X.Y.Z-rc000029-g1234567abcde)");
        }

        @Test
        void matchIgnoresOtherVersions() {
            assertThat(StagingScheme.DEFAULT.match(Version.parse("1.0.0-rc.1"))).isEmpty();
            assertThat(StagingScheme.DEFAULT.match(Version.parse("1.0.0-rc0001-g1234567.x"))).isEmpty();
            assertThat(StagingScheme.of(5, 7).match(Version.parse("0.2.2-rc0029-g1234567"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("commit ids and parts")
    class Parts {

        @ParameterizedTest
        @ValueSource(strings = {"123456", "", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "1234567890abcdef1234567890abcdef1234567g",
            " 1234567890abcdef1234567890abcdef1234567", "12345-7890abcdef1234567890abcdef12345678"})
        void refusesCommitIdsThatAreNotHexOrTooShort(String commitId) {
            InvalidVersionException e = catchThrowableOfType(InvalidVersionException.class,
                    () -> StagingScheme.DEFAULT.version(BASE, 1, commitId));
            assertThat(e).isNotNull();
            assertThat(e.input()).isEqualTo(commitId);
            assertThat(e.getMessage()).isEqualTo("invalid commit id \"" + commitId
                    + "\": expected at least 7 hex digits (a full commit id)");
        }

        @Test
        void stagingVersionsBuildOnReleases() {
            assertThatThrownBy(() -> StagingScheme.DEFAULT.version(Version.parse("0.2.2-rc.1"), 1, COMMIT))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid staging base \"0.2.2-rc.1\": a staging version builds on a release X.Y.Z,"
                            + " without pre-release or build metadata");
            assertThatThrownBy(() -> StagingScheme.DEFAULT.version(Version.parse("0.2.2+b"), 1, COMMIT))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("invalid staging base \"0.2.2+b\"");
        }

        @Test
        void countsAreNotNegative() {
            assertThatThrownBy(() -> StagingScheme.DEFAULT.version(BASE, -1, COMMIT))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid commit count -1: it must not be negative");
        }

        @Test
        void theRecordChecksTheShaAgainstTheScheme() {
            assertThatThrownBy(() -> new StagingVersion(BASE, 1, "123456", StagingScheme.DEFAULT))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessage("invalid commit prefix \"123456\": expected exactly 7 lower-case hex digits");
            assertThatThrownBy(() -> new StagingVersion(BASE, 1, "123456A", StagingScheme.DEFAULT))
                    .isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("lower-case hex");
            assertThatThrownBy(() -> new StagingVersion(BASE, 10_000, "1234567", StagingScheme.DEFAULT))
                    .isInstanceOf(CountOverflowException.class);
        }

        @Test
        void twoSchemesSpellingTheSameTextStayDistinctInTheOrder() {
            StagingVersion a = StagingScheme.DEFAULT.version(BASE, 29, COMMIT);
            StagingVersion b = StagingScheme.parse("rc{count:04}-g{sha:7}").version(BASE, 29, COMMIT);
            assertThat(a.toVersion()).isEqualTo(b.toVersion());
            assertThat(a).isNotEqualTo(b);
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a))).isNotZero();
        }
    }

    @Nested
    @DisplayName("invalid schemes")
    class InvalidSchemes {

        static Stream<Arguments> schemes() {
            return Stream.of(
                    Arguments.of("rc.{count:4}.g{sha:7}", "it contains '.'; the pre-release must be a single identifier so it"
                            + " sorts by count (write rc{count:4}-g{sha:7}, not rc.{count:4}.g{sha:7})"),
                    Arguments.of("rc{count:4}-g{sha:7}.x", "it contains '.'"),
                    Arguments.of("rc{count:4}-g", "it has no {sha:M} placeholder"),
                    Arguments.of("g{sha:7}", "it has no {count:N} placeholder"),
                    Arguments.of("", "it has no {count:N} placeholder"),
                    Arguments.of("{sha:7}-rc{count:4}",
                            "{sha:M} comes before {count:N}; the count must come first so versions sort by it"),
                    Arguments.of("rc{count:0}-g{sha:7}", "the width in {count:0} must be a number from 1 to 18"),
                    Arguments.of("rc{count:19}-g{sha:7}", "the width in {count:19} must be a number from 1 to 18"),
                    Arguments.of("rc{count:-1}-g{sha:7}", "the width in {count:-1} must be a number from 1 to 18"),
                    Arguments.of("rc{count:+4}-g{sha:7}", "the width in {count:+4} must be a number from 1 to 18"),
                    Arguments.of("rc{count:}-g{sha:7}", "the width in {count:} must be a number from 1 to 18"),
                    Arguments.of("rc{count:x}-g{sha:7}", "the width in {count:x} must be a number from 1 to 18"),
                    Arguments.of("rc{count:99999999999}-g{sha:7}", "must be a number from 1 to 18"),
                    Arguments.of("rc{count:4}-g{sha:3}", "the width in {sha:3} must be a number from 4 to 64"),
                    Arguments.of("rc{count:4}-g{sha:65}", "the width in {sha:65} must be a number from 4 to 64"),
                    Arguments.of("{count:4}{sha:7}", "it needs at least one letter or '-' outside the placeholders"),
                    Arguments.of("1{count:4}2{sha:7}3", "it needs at least one letter or '-' outside the placeholders"),
                    Arguments.of("rc{counter:4}-g{sha:7}", "unknown placeholder {counter:4}; expected {count:N}"),
                    Arguments.of("rc{count:4}-g{shax}", "unknown placeholder {shax}; expected {sha:N}"),
                    Arguments.of("rc{count:4}{count:4}-g{sha:7}",
                            "unexpected '{'; only {count:N} then {sha:M} may appear, once each"),
                    Arguments.of("rc{count:4}-g{sha:7}{x}", "unexpected '{'"),
                    Arguments.of("rc{count:4}-g{sha:7}}", "unexpected '}'"),
                    Arguments.of("rc{count:4-g{sha:7}", "the '{' at index 2 is not closed before the next '{'"),
                    Arguments.of("rc{count:4}-g{sha:7", "a '{' is not closed"),
                    Arguments.of("rc_{count:4}-g{sha:7}", "it contains '_'; literal text uses only [0-9A-Za-z-]"),
                    Arguments.of("rc {count:4}-g{sha:7}", "it contains ' '"),
                    Arguments.of("rc+{count:4}-g{sha:7}", "it contains '+'"));
        }

        @ParameterizedTest
        @MethodSource("schemes")
        void areRefusedWithTheReason(String pattern, String reason) {
            InvalidPatternException e = catchThrowableOfType(InvalidPatternException.class, () -> StagingScheme.parse(pattern));
            assertThat(e).as(pattern).isNotNull();
            assertThat(e.input()).isEqualTo(pattern);
            assertThat(e.getMessage()).startsWith("invalid pre-release scheme \"" + pattern + "\": ").contains(reason);
        }

        @Test
        void ofChecksTheWidths() {
            assertThatThrownBy(() -> StagingScheme.of(0, 7))
                    .isInstanceOf(InvalidPatternException.class)
                    .hasMessageContaining("the width in {count:0} must be a number from 1 to 18");
            assertThatThrownBy(() -> StagingScheme.of(4, 3))
                    .isInstanceOf(InvalidPatternException.class)
                    .hasMessageContaining("the width in {sha:3} must be a number from 4 to 64");
        }
    }
}
