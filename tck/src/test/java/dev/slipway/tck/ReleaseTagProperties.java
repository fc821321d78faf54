package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.InvalidPatternException;
import dev.slipway.api.InvalidReleaseTagException;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of {@link ReleaseTag} and {@link TagPattern}: round trips, exact matching, parse-or-throw. */
class ReleaseTagProperties {

    @Property
    void parseOfNameIsIdentity(@ForAll("tags") ReleaseTag tag) {
        assertThat(ReleaseTag.parse(tag.name())).isEqualTo(tag);
        assertThat(ReleaseTag.parse(tag.toString())).isEqualTo(tag);
        assertThat(tag.refName()).isEqualTo("refs/tags/" + tag.name());
    }

    @Property
    void patternParseOfTextIsIdentity(@ForAll("patterns") TagPattern pattern) {
        assertThat(TagPattern.parse(pattern.pattern())).isEqualTo(pattern);
        assertThat(pattern.hasService()).isEqualTo(pattern.pattern().contains("{service}"));
    }

    @Property
    void everyPatternReadsBackWhatItFormats(@ForAll("patterns") TagPattern pattern, @ForAll("services") ServiceId service,
            @ForAll("releases") Version version) {
        ReleaseTag tag = pattern.format(service, version);
        assertThat(tag.service()).isEqualTo(service);
        assertThat(tag.version()).isEqualTo(version);
        assertThat(pattern.match(tag.name(), service)).contains(tag);
        if (pattern.hasService()) {
            assertThat(pattern.match(tag.name())).contains(tag);
            assertThat(pattern.parseTag(tag.name())).isEqualTo(tag);
        }
    }

    @Property
    void aTagBelongsToNoOtherService(@ForAll("patterns") TagPattern pattern, @ForAll("services") ServiceId service,
            @ForAll("services") ServiceId other, @ForAll("releases") Version version) {
        if (!pattern.hasService() || service.equals(other)) {
            return;
        }
        String name = pattern.format(service, version).name();
        assertThat(pattern.match(name, other)).as("%s is not a tag of %s", name, other).isEmpty();
    }

    @Property
    void aPrereleaseNameIsNoReleaseTag(@ForAll("patterns") TagPattern pattern, @ForAll("services") ServiceId service,
            @ForAll("versions") Version version) {
        if (!version.isPrerelease() && version.build().isEmpty()) {
            return;
        }
        // the name a pattern would give a non-release version, spelled by hand
        String name = pattern.pattern().replace("{service}", "\u0000").replace("{version}", version.toString())
                .replace("\u0000", service.path());
        assertThat(pattern.match(name, service)).as(name).isEmpty();
        if (pattern.hasService()) {
            // read without a service, the name may be another service's release ({version}-{service} reads
            // 0.0.0-0-a as service 0-a at 0.0.0), never this service's
            pattern.match(name).ifPresent(tag -> assertThat(tag.service()).as(name).isNotEqualTo(service));
        }
    }

    @Property(tries = 3000)
    void anyStringIsADefaultTagOrThrowsInvalidReleaseTagException(@ForAll("tagish") String name) {
        try {
            ReleaseTag tag = ReleaseTag.parse(name);
            assertThat(tag.name()).isEqualTo(name);
            assertThat(tag.version().isPrerelease()).isFalse();
            assertThat(tag.version().build()).isEmpty();
            assertThat(ReleaseTag.of(tag.service(), tag.version())).isEqualTo(tag);
        } catch (InvalidReleaseTagException e) {
            assertThat(e.input()).isEqualTo(name);
            assertThat(e.getMessage()).startsWith("invalid release tag \"" + name + "\": ");
            assertThat(TagPattern.DEFAULT.match(name)).isEmpty();
        }
    }

    @Property(tries = 3000)
    void anyStringIsATagPatternOrThrowsInvalidPatternException(@ForAll("patternish") String text) {
        try {
            TagPattern pattern = TagPattern.parse(text);
            assertThat(pattern.pattern()).isEqualTo(text);
            assertThat(text).contains("{version}");
        } catch (InvalidPatternException e) {
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).startsWith("invalid release tag pattern \"" + text + "\": ");
        }
    }

    @Provide
    Arbitrary<ReleaseTag> tags() {
        return SlipwayArbitraries.releaseTags();
    }

    @Provide
    Arbitrary<TagPattern> patterns() {
        return SlipwayArbitraries.tagPatterns();
    }

    @Provide
    Arbitrary<ServiceId> services() {
        return SlipwayArbitraries.serviceIds();
    }

    @Provide
    Arbitrary<Version> releases() {
        return SlipwayArbitraries.releaseVersions();
    }

    @Provide
    Arbitrary<Version> versions() {
        return SlipwayArbitraries.versions();
    }

    @Provide
    Arbitrary<String> tagish() {
        return NearMisses.of(SlipwayArbitraries.releaseTags().map(ReleaseTag::name), "ab/.@-{}~^: 019v+\\\u0001*[?");
    }

    @Provide
    Arbitrary<String> patternish() {
        return NearMisses.of(SlipwayArbitraries.tagPatterns().map(TagPattern::pattern), "{}serviceversion@/-v");
    }
}
