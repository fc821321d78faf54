package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import dev.slipway.core.Bump;
import dev.slipway.core.config.Versioning;
import dev.slipway.tck.SlipwayArbitraries;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the bump rules over random commit lists, versions and options. */
class ReleaseRulesProperties {

    @Provide
    Arbitrary<List<ReleaseRules.Entry>> commits() {
        Arbitrary<String> type = Arbitraries.of("feat", "fix", "perf", "revert", "chore", "docs", "refactor", "test",
                "build", "ci", "style", "Feat", "feature", "meta");
        Arbitrary<String> message = Combinators.combine(type, Arbitraries.of("", "(api)", "(a/b)"),
                Arbitraries.of("", "!"), Arbitraries.of("", "\n\nBREAKING CHANGE: gone", "\n\nRefs: #1",
                        "\n\nBREAKING CHANGES: not breaking"))
                .as((t, s, bang, footer) -> t + s + bang + ": change" + footer);
        return message.map(m -> new ReleaseRules.Entry("c", ConventionalCommit.parse(m).orElseThrow()))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Versioning> versionings() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                SlipwayArbitraries.releaseVersions())
                .as((a, b, initial) -> new Versioning(TagPattern.DEFAULT, StagingScheme.DEFAULT, initial, a, b));
    }

    @Property
    void theNextReleaseIsAboveTheCurrentAndIsARelease(@ForAll("commits") List<ReleaseRules.Entry> commits,
            @ForAll("versionings") Versioning versioning) {
        Version current = Version.parse("0.4.7");
        for (Version c : List.of(current, Version.parse("3.9.9"))) {
            ReleaseRules.decide(Optional.of(c), commits, versioning).ifPresent(d -> {
                assertThat(d.next()).isGreaterThan(c);
                assertThat(d.next().isPrerelease()).isFalse();
            });
        }
    }

    @Property
    void theBumpIsTheLargestKindAmongTheCommits(@ForAll("commits") List<ReleaseRules.Entry> commits,
            @ForAll("versionings") Versioning versioning) {
        Version current = Version.parse("2.5.1");
        boolean breaking = commits.stream().anyMatch(e -> e.commit().isBreaking());
        boolean feature = commits.stream().anyMatch(e -> e.commit().isFeature());
        boolean patch = commits.stream().anyMatch(e -> ReleaseRules.releasableType(e.commit().type()));
        Optional<ReleaseRules.Decision> d = ReleaseRules.decide(Optional.of(current), commits, versioning);
        if (breaking) {
            assertThat(d.orElseThrow().next()).hasToString("3.0.0");
        } else if (feature) {
            assertThat(d.orElseThrow().next()).hasToString("2.6.0");
        } else if (patch) {
            assertThat(d.orElseThrow().next()).hasToString("2.5.2");
        } else {
            assertThat(d).isEmpty();
        }
    }

    @Property
    void beforeOneZeroThePreMajorOptionsNeverReachOneZero(@ForAll("commits") List<ReleaseRules.Entry> commits,
            @ForAll("versionings") Versioning versioning) {
        Version current = Version.parse("0.3.4");
        Optional<ReleaseRules.Decision> d = ReleaseRules.decide(Optional.of(current), commits, versioning);
        if (versioning.bumpMinorPreMajor()) {
            d.ifPresent(x -> assertThat(x.next().major()).isEqualTo(BigInteger.ZERO));
        }
        if (versioning.bumpPatchForMinorPreMajor() && commits.stream().noneMatch(e -> e.commit().isBreaking())) {
            d.ifPresent(x -> assertThat(x.next()).hasToString("0.3.5"));
        }
    }

    @Property
    void aFirstReleaseIsTheInitialVersionExactlyWhenSomethingIsReleasable(
            @ForAll("commits") List<ReleaseRules.Entry> commits, @ForAll("versionings") Versioning versioning) {
        Optional<ReleaseRules.Decision> d = ReleaseRules.decide(Optional.empty(), commits, versioning);
        assertThat(d.isPresent()).isEqualTo(commits.stream().anyMatch(e -> ReleaseRules.releasable(e.commit())));
        d.ifPresent(x -> assertThat(x).isEqualTo(new ReleaseRules.Decision(versioning.initial(), Bump.INITIAL)));
    }

    @Property
    void addingCommitsNeverLowersTheNextVersion(@ForAll("commits") List<ReleaseRules.Entry> a,
            @ForAll("commits") List<ReleaseRules.Entry> b, @ForAll("versionings") Versioning versioning) {
        Version current = Version.parse("1.4.2");
        List<ReleaseRules.Entry> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        Optional<Version> before = ReleaseRules.decide(Optional.of(current), a, versioning).map(ReleaseRules.Decision::next);
        Optional<Version> after = ReleaseRules.decide(Optional.of(current), both, versioning).map(ReleaseRules.Decision::next);
        before.ifPresent(v -> assertThat(after.orElseThrow()).isGreaterThanOrEqualTo(v));
    }
}
