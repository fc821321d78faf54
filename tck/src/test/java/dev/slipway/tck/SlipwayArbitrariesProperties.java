package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.StagingVersion;
import dev.slipway.api.Version;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** The kit's arbitraries reach the cases they promise, often enough to matter. */
class SlipwayArbitrariesProperties {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void versionsCoverPrereleasesBuildsAndHugeNumbers(@ForAll("versions") Version v) {
        boolean huge = v.major().compareTo(LONG_MAX) > 0 || v.minor().compareTo(LONG_MAX) > 0
                || v.patch().compareTo(LONG_MAX) > 0;
        Statistics.label("pre-release").collect(v.isPrerelease());
        Statistics.label("build").collect(!v.build().isEmpty());
        Statistics.label("beyond long").collect(huge);
        Statistics.label("release").collect(!v.isPrerelease() && v.build().isEmpty());
        Statistics.label("pre-release").coverage(c -> c.check(true).percentage(p -> p > 30));
        Statistics.label("build").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("beyond long").coverage(c -> c.check(true).percentage(p -> p > 1));
        Statistics.label("release").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void stagingVersionsCoverDigitBoundariesAndTheLargestCount(@ForAll("staging") StagingVersion v) {
        long count = v.count();
        boolean boundary = count > 0 && (Long.toString(count).matches("10*") || Long.toString(count).matches("9+"));
        Statistics.label("boundary").collect(boundary);
        Statistics.label("max").collect(count == v.scheme().maxCount());
        Statistics.label("zero").collect(count == 0);
        Statistics.label("default scheme").collect(v.scheme().equals(StagingScheme.DEFAULT));
        Statistics.label("boundary").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("max").coverage(c -> c.check(true).percentage(p -> p > 2));
        Statistics.label("zero").coverage(c -> c.check(true).percentage(p -> p > 2));
        Statistics.label("default scheme").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void serviceIdsCoverScopesAndNesting(@ForAll("services") ServiceId id) {
        Statistics.label("scoped").collect(id.path().startsWith("@"));
        Statistics.label("nested").collect(id.segments().size() > 1);
        Statistics.label("holds @ or -").collect(id.path().matches(".*[@-].*"));
        Statistics.label("scoped").coverage(c -> c.check(true).percentage(p -> p > 3));
        Statistics.label("nested").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("holds @ or -").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property
    void commitIdsAreFullLowerCaseHex(@ForAll("commits") String commit) {
        assertThat(commit).matches("[0-9a-f]{40}");
    }

    @Property
    void releaseTagsAndImageTagsAreValid(@ForAll("tags") ReleaseTag tag, @ForAll("images") ImageTag image) {
        assertThat(tag.version().isPrerelease()).isFalse();
        assertThat(tag.name()).isEqualTo(tag.service().path() + "@" + tag.version());
        assertThat(image.value()).matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    }

    @Provide
    Arbitrary<Version> versions() {
        return SlipwayArbitraries.versions();
    }

    @Provide
    Arbitrary<StagingVersion> staging() {
        return SlipwayArbitraries.stagingVersions();
    }

    @Provide
    Arbitrary<ServiceId> services() {
        return SlipwayArbitraries.serviceIds();
    }

    @Provide
    Arbitrary<String> commits() {
        return SlipwayArbitraries.commitIds();
    }

    @Provide
    Arbitrary<ReleaseTag> tags() {
        return SlipwayArbitraries.releaseTags();
    }

    @Provide
    Arbitrary<ImageTag> images() {
        return SlipwayArbitraries.imageTags();
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void conventionalCommitsCoverScopesBreakingBodiesFootersAndReverts(@ForAll("conventionalCommits") ConventionalCommit c) {
        boolean breakingFooter = c.footers().stream().anyMatch(ConventionalCommit.Footer::isBreakingChange);
        Statistics.label("scope").collect(c.scope().isPresent());
        Statistics.label("nested scope").collect(c.scope().filter(s -> s.contains("(")).isPresent());
        Statistics.label("bang only").collect(c.isBreaking() && !breakingFooter);
        Statistics.label("breaking footer").collect(breakingFooter && !c.isRevert());
        Statistics.label("body").collect(c.body().isPresent());
        Statistics.label("several paragraphs").collect(c.body().filter(b -> b.contains("\n\n")).isPresent());
        Statistics.label("footers").collect(!c.footers().isEmpty());
        Statistics.label("continuation").collect(c.footers().stream().anyMatch(f -> f.value().contains("\n")));
        Statistics.label("git revert").collect(c.revertedCommit().isPresent());
        Statistics.label("empty description").collect(c.description().isEmpty());
        Statistics.label("scope").coverage(k -> k.check(true).percentage(p -> p > 30));
        Statistics.label("nested scope").coverage(k -> k.check(true).percentage(p -> p > 2));
        Statistics.label("bang only").coverage(k -> k.check(true).percentage(p -> p > 10));
        Statistics.label("breaking footer").coverage(k -> k.check(true).percentage(p -> p > 10));
        Statistics.label("body").coverage(k -> k.check(true).percentage(p -> p > 30));
        Statistics.label("several paragraphs").coverage(k -> k.check(true).percentage(p -> p > 10));
        Statistics.label("footers").coverage(k -> k.check(true).percentage(p -> p > 40));
        Statistics.label("continuation").coverage(k -> k.check(true).percentage(p -> p > 10));
        Statistics.label("git revert").coverage(k -> k.check(true).percentage(p -> p > 5));
        Statistics.label("empty description").coverage(k -> k.check(true).percentage(p -> p > 1));
    }

    @Provide
    Arbitrary<ConventionalCommit> conventionalCommits() {
        return SlipwayArbitraries.conventionalCommits();
    }
}
