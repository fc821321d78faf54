package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import dev.slipway.core.Bump;
import dev.slipway.core.config.Versioning;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bumps from commits: SemVer's rules as Release Please's default versioning strategy applies them, with its
 * pre-major options, Release-As and the initial version.
 */
class ReleaseRulesTest {

    static Versioning versioning(boolean minorPreMajor, boolean patchForMinorPreMajor) {
        return new Versioning(TagPattern.DEFAULT, StagingScheme.DEFAULT, Version.of(0, 1, 0), minorPreMajor,
                patchForMinorPreMajor);
    }

    static List<ReleaseRules.Entry> commits(String... messages) {
        return Arrays.stream(messages).map(m -> new ReleaseRules.Entry("c" + m.hashCode(),
                ConventionalCommit.parse(m).orElseThrow())).toList();
    }

    static Optional<ReleaseRules.Decision> decide(String current, Versioning v, String... messages) {
        return ReleaseRules.decide(Optional.ofNullable(current).map(Version::parse), commits(messages), v);
    }

    static String next(String current, String... messages) {
        return decide(current, Versioning.DEFAULT, messages).map(d -> d.next().toString()).orElse("none");
    }

    @Nested
    @DisplayName("bumps (SemVer: breaking -> major, feature -> minor, fix/perf/revert -> patch)")
    class Bumps {

        @ParameterizedTest(name = "{0} + [{1}] -> {2}")
        @CsvSource(delimiter = '|', value = {
            "1.2.3 | fix: a | 1.2.4",
            "1.2.3 | perf: a | 1.2.4",
            "1.2.3 | revert: a | 1.2.4",
            "1.2.3 | feat: a | 1.3.0",
            "1.2.3 | Feat: a | 1.3.0",
            "1.2.3 | feature: a | 1.3.0",
            "1.2.3 | feat!: a | 2.0.0",
            "1.2.3 | fix(api)!: a | 2.0.0",
            "1.2.3 | chore!: a | 2.0.0",
            "1.9.9 | feat: a | 1.10.0",
            "0.2.3 | fix!: a | 1.0.0",
            "0.2.3 | feat: a | 0.3.0",
            "1.2.3 | chore: a | none",
            "1.2.3 | docs: a | none",
            "1.2.3 | ci: a | none",
        })
        void single(String current, String message, String expected) {
            assertThat(next(current, message)).isEqualTo(expected);
        }

        @Test
        @DisplayName("the largest bump among the commits wins, whatever their order")
        void largestWins() {
            assertThat(next("1.2.3", "fix: a", "feat: b", "chore: c")).isEqualTo("1.3.0");
            assertThat(next("1.2.3", "feat: b", "fix: a")).isEqualTo("1.3.0");
            assertThat(next("1.2.3", "fix: a", "docs: x\n\nBREAKING CHANGE: gone", "feat: b")).isEqualTo("2.0.0");
            assertThat(decide("1.2.3", Versioning.DEFAULT, "feat: b", "fix: a").orElseThrow().bump()).isEqualTo(Bump.MINOR);
        }

        @Test
        @DisplayName("breaking only by the upper-case footer or '!': 'BREAKING CHANGES:' and lower case are not")
        void breakingSpelling() {
            assertThat(next("1.2.3", "fix: a\n\nBREAKING-CHANGE: x")).isEqualTo("2.0.0");
            assertThat(next("1.2.3", "fix: a\n\nBREAKING CHANGES: x")).isEqualTo("1.2.4");
            assertThat(next("1.2.3", "fix: a\n\nbreaking change: x")).isEqualTo("1.2.4");
        }

        @Test
        @DisplayName("other types alone give no release; an empty list neither")
        void noRelease() {
            assertThat(next("1.2.3", "chore: a", "docs: b", "refactor: c", "test: d", "build: e", "style: f"))
                    .isEqualTo("none");
            assertThat(ReleaseRules.decide(Optional.of(Version.parse("1.0.0")), List.of(), Versioning.DEFAULT)).isEmpty();
        }
    }

    @Nested
    @DisplayName("pre-major options (Release Please's bump-minor-pre-major, bump-patch-for-minor-pre-major)")
    class PreMajor {

        @Test
        @DisplayName("bump-minor-pre-major: before 1.0.0 a breaking change bumps the minor")
        void minorPreMajor() {
            Versioning v = versioning(true, false);
            assertThat(decide("0.2.3", v, "feat!: a").orElseThrow())
                    .isEqualTo(new ReleaseRules.Decision(Version.parse("0.3.0"), Bump.MINOR));
            assertThat(decide("0.2.3", v, "feat: a").orElseThrow().next()).hasToString("0.3.0");
            assertThat(decide("0.2.3", v, "fix: a").orElseThrow().next()).hasToString("0.2.4");
            assertThat(decide("1.2.3", v, "feat!: a").orElseThrow().next()).hasToString("2.0.0");
        }

        @Test
        @DisplayName("bump-patch-for-minor-pre-major: before 1.0.0 a feature bumps the patch")
        void patchForMinorPreMajor() {
            Versioning v = versioning(false, true);
            assertThat(decide("0.2.3", v, "feat: a").orElseThrow())
                    .isEqualTo(new ReleaseRules.Decision(Version.parse("0.2.4"), Bump.PATCH));
            assertThat(decide("0.2.3", v, "feat!: a").orElseThrow().next()).hasToString("1.0.0");
            assertThat(decide("1.2.3", v, "feat: a").orElseThrow().next()).hasToString("1.3.0");
        }

        @Test
        @DisplayName("both options: breaking -> minor, feature -> patch before 1.0.0")
        void both() {
            Versioning v = versioning(true, true);
            assertThat(decide("0.2.3", v, "feat!: a").orElseThrow().next()).hasToString("0.3.0");
            assertThat(decide("0.2.3", v, "feat: a").orElseThrow().next()).hasToString("0.2.4");
            assertThat(decide("0.2.3", v, "fix: a").orElseThrow().next()).hasToString("0.2.4");
        }
    }

    @Nested
    @DisplayName("Release-As and the first release")
    class ReleaseAs {

        @Test
        @DisplayName("a Release-As footer sets the version, for any type, 'v' tolerated, token case-insensitive")
        void sets() {
            assertThat(decide("1.2.3", Versioning.DEFAULT, "chore: go\n\nRelease-As: 3.1.2").orElseThrow())
                    .isEqualTo(new ReleaseRules.Decision(Version.parse("3.1.2"), Bump.RELEASE_AS));
            assertThat(next("1.2.3", "fix!: x\n\nrelease-as: v3.0.0")).isEqualTo("3.0.0");
        }

        @Test
        @DisplayName("the newest Release-As wins (commits come newest first)")
        void newestWins() {
            assertThat(next("1.2.3", "chore: b\n\nRelease-As: 2.0.0", "chore: a\n\nRelease-As: 5.0.0")).isEqualTo("2.0.0");
        }

        @Test
        @DisplayName("an invalid, pre-release or not-increasing Release-As is an error naming the commit and value")
        void invalid() {
            assertThatThrownBy(() -> next("1.2.3", "chore: a\n\nRelease-As: banana"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("banana").hasMessageContaining("X.Y.Z");
            assertThatThrownBy(() -> next("1.2.3", "chore: a\n\nRelease-As: 2.0.0-rc.1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("pre-release");
            assertThatThrownBy(() -> next("1.2.3", "chore: a\n\nRelease-As: 1.2.3"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not above the current release 1.2.3");
        }

        @Test
        @DisplayName("first release = versioning.initial whatever the bump, only when a commit is releasable")
        void initial() {
            assertThat(decide(null, Versioning.DEFAULT, "feat!: a").orElseThrow())
                    .isEqualTo(new ReleaseRules.Decision(Version.parse("0.1.0"), Bump.INITIAL));
            assertThat(next(null, "fix: a")).isEqualTo("0.1.0");
            assertThat(next(null, "chore: a", "docs: b")).isEqualTo("none");
            Versioning v = new Versioning(TagPattern.DEFAULT, StagingScheme.DEFAULT, Version.of(1, 0, 0), false, false);
            assertThat(decide(null, v, "fix: a").orElseThrow().next()).hasToString("1.0.0");
            assertThat(next(null, "chore: a\n\nRelease-As: 2.0.0")).isEqualTo("2.0.0");
        }
    }
}
