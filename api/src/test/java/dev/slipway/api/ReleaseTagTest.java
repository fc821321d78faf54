package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ReleaseTag} and {@link TagPattern}: naming, reading and matching release tags. */
class ReleaseTagTest {

    private static final ServiceId GO_BACKEND = ServiceId.of("services/go-backend");
    private static final ServiceId WEB = ServiceId.of("services/web");
    private static final ServiceId WEB_API = ServiceId.of("services/web-api");
    private static final Version V023 = Version.parse("0.2.3");

    @Nested
    @DisplayName("the default pattern {service}@{version}")
    class Default {

        @Test
        void formatsServiceAtVersion() {
            ReleaseTag tag = ReleaseTag.of(GO_BACKEND, V023);
            assertThat(tag.name()).isEqualTo("services/go-backend@0.2.3");
            assertThat(tag).hasToString("services/go-backend@0.2.3");
            assertThat(tag.refName()).isEqualTo("refs/tags/services/go-backend@0.2.3");
            assertThat(tag.service()).isEqualTo(GO_BACKEND);
            assertThat(tag.version()).isEqualTo(V023);
            assertThat(TagPattern.DEFAULT.format(GO_BACKEND, V023)).isEqualTo(tag);
        }

        @Test
        void parsesWhatItFormats() {
            ReleaseTag tag = ReleaseTag.parse("services/go-backend@0.2.3");
            assertThat(tag.service()).isEqualTo(GO_BACKEND);
            assertThat(tag.version()).isEqualTo(V023);
            assertThat(tag).isEqualTo(ReleaseTag.of(GO_BACKEND, V023));
        }

        @Test
        void splitsAtTheLastAt() {
            ReleaseTag scoped = ReleaseTag.parse("@scope/pkg@1.2.3");
            assertThat(scoped.service()).isEqualTo(ServiceId.of("@scope/pkg"));
            assertThat(scoped.version()).isEqualTo(Version.of(1, 2, 3));
            assertThat(ReleaseTag.parse("a@b@10.0.0").service().path()).isEqualTo("a@b");
            assertThat(ReleaseTag.parse("x@1.2.3@1.2.4").service().path()).isEqualTo("x@1.2.3");
            assertThat(ReleaseTag.parse("x@1.2.3@1.2.4").version()).isEqualTo(Version.of(1, 2, 4));
        }

        @Test
        void describesThePattern() {
            assertThat(TagPattern.DEFAULT.pattern()).isEqualTo("{service}@{version}");
            assertThat(TagPattern.DEFAULT).hasToString("{service}@{version}");
            assertThat(TagPattern.DEFAULT.hasService()).isTrue();
            assertThat(TagPattern.parse("{service}@{version}")).isSameAs(TagPattern.DEFAULT);
        }

        @Test
        void aServiceTakesHugeVersions() {
            Version huge = Version.parse("99999999999999999999999.0.1");
            assertThat(ReleaseTag.parse("services/web@99999999999999999999999.0.1").version()).isEqualTo(huge);
        }

        @Test
        void aServicePathHoldingAPlaceholderIsSubstitutedOnce() {
            // the path is text: "{version}" in it must not be replaced by the version
            ServiceId odd = ServiceId.of("x{version}y");
            ReleaseTag tag = ReleaseTag.of(odd, V023);
            assertThat(tag.name()).isEqualTo("x{version}y@0.2.3");
            assertThat(ReleaseTag.parse(tag.name())).isEqualTo(tag);
            assertThat(TagPattern.parse("{service}/v{version}").format(ServiceId.of("{service}"), V023).name())
                    .isEqualTo("{service}/v0.2.3");
        }
    }

    @Nested
    @DisplayName("release tags carry X.Y.Z only")
    class ReleasesOnly {

        @Test
        void formattingAPrereleaseIsRefused() {
            assertThatThrownBy(() -> ReleaseTag.of(WEB, Version.parse("1.2.3-rc.1")))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessage("invalid release tag \"services/web@1.2.3-rc.1\": its version 1.2.3-rc.1 is not a release;"
                            + " release tags carry X.Y.Z only (no pre-release, no build metadata)")
                    .extracting(e -> ((InvalidReleaseTagException) e).input()).isEqualTo("services/web@1.2.3-rc.1");
        }

        @Test
        void formattingBuildMetadataIsRefused() {
            assertThatThrownBy(() -> ReleaseTag.of(WEB, Version.parse("1.2.3+b")))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("its version 1.2.3+b is not a release");
        }

        static Stream<Arguments> notReleases() {
            String expected = " (expected {service}@{version} with a service path and a release version X.Y.Z, such as"
                    + " services/go-backend@0.2.3)";
            String noPre = "\" is not a release version X.Y.Z; release tags carry no pre-release and no build metadata"
                    + expected;
            return Stream.of(
                    Arguments.of("services/web@1.2.3-rc.1", "\"1.2.3-rc.1" + noPre),
                    Arguments.of("services/web@1.2.3+b", "\"1.2.3+b" + noPre),
                    Arguments.of("services/web@0.2.2-rc0029-g1234567", "\"0.2.2-rc0029-g1234567" + noPre),
                    Arguments.of("services/web@v1.2.3", "\"v1.2.3\" is not a release version X.Y.Z: invalid version"
                            + " \"v1.2.3\": a 'v' prefix is not part of SemVer; write 1.2.3"),
                    Arguments.of("services/web@01.2.3", "the major version \"01\" has a leading zero"),
                    Arguments.of("services/web@1.2", "three numbers separated by dots"),
                    Arguments.of("services/web", "it does not have the shape {service}@{version}" + expected),
                    Arguments.of("@1.2.3", "it does not have the shape {service}@{version}" + expected),
                    Arguments.of("", "it does not have the shape"),
                    Arguments.of("services/web@", "it does not have the shape"));
        }

        @ParameterizedTest
        @MethodSource("notReleases")
        void parsingANonReleaseIsRefused(String name, String reason) {
            InvalidReleaseTagException e = catchThrowableOfType(InvalidReleaseTagException.class, () -> ReleaseTag.parse(name));
            assertThat(e).as(name).isNotNull().isInstanceOf(InvalidInputException.class);
            assertThat(e.input()).isEqualTo(name);
            assertThat(e.getMessage()).startsWith("invalid release tag \"" + name + "\": ").contains(reason);
        }

        @Test
        void aNonReleaseNeverMatches() {
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3-rc.1")).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3-rc.1", WEB)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3+b", WEB)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@01.2.3", WEB)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@1.2", WEB)).isEmpty();
        }
    }

    @Nested
    @DisplayName("service paths and git's ref-name rules")
    class RefNameRules {

        @Test
        void anInvalidServicePathIsNamed() {
            assertThatThrownBy(() -> ReleaseTag.parse("services/../web@1.2.3"))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessage("invalid release tag \"services/../web@1.2.3\": invalid service path \"services/../web\":"
                            + " it has a '..' segment; write the normalized path; expected a repo-relative directory such"
                            + " as services/go-backend");
            assertThatThrownBy(() -> ReleaseTag.parse("/web@1.2.3"))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("invalid service path \"/web\": it is absolute");
        }

        @Test
        void aNameGitRefusesIsRefused() {
            assertThatThrownBy(() -> ReleaseTag.parse("my service@1.2.3"))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessage("invalid release tag \"my service@1.2.3\": it contains ' ', which git does not allow in"
                            + " reference names (git check-ref-format rules); change the service path or the tag pattern");
            assertThatThrownBy(() -> ReleaseTag.of(ServiceId.of("x.lock/y"), V023))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("the component \"x.lock\" ends with '.lock'");
            assertThatThrownBy(() -> ReleaseTag.of(ServiceId.of("a/.hidden"), V023))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("the component \".hidden@0.2.3\" starts with '.'");
            assertThatThrownBy(() -> ReleaseTag.of(ServiceId.of("a..b"), V023))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("it contains '..'");
            assertThatThrownBy(() -> ReleaseTag.parse("a~b@1.2.3"))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessageContaining("it contains '~'");
        }

        @Test
        void matchDoesNotThrowForNamesGitRefuses() {
            assertThat(TagPattern.DEFAULT.match("my service@1.2.3")).isEmpty();
            assertThat(TagPattern.DEFAULT.match("my service@1.2.3", ServiceId.of("my service"))).isEmpty();
            assertThat(TagPattern.DEFAULT.match("/web@1.2.3")).isEmpty();
        }
    }

    @Nested
    @DisplayName("a tag belongs to a service iff it matches that service's pattern exactly")
    class Matching {

        @Test
        void servicesWebNeverMatchesServicesWebApi() {
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3", WEB_API)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web-api@1.2.3", WEB)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3", WEB)).contains(ReleaseTag.of(WEB, Version.of(1, 2, 3)));
            assertThat(TagPattern.DEFAULT.match("services/web-api@1.2.3")).map(ReleaseTag::service).contains(WEB_API);
            assertThat(TagPattern.DEFAULT.match("services/web-api@1.2.3", WEB_API)).isPresent();
            assertThat(TagPattern.DEFAULT.match("xservices/web@1.2.3", WEB)).isEmpty();
            assertThat(TagPattern.DEFAULT.match("services/web@1.2.3x", WEB)).isEmpty();
        }

        @Test
        void aPatternWithoutServiceNamesTheTagsOfOneService() {
            ServiceId kit = ServiceId.of("packages/kit");
            TagPattern pattern = TagPattern.parse("@sveltejs/kit@{version}");
            assertThat(pattern.hasService()).isFalse();
            ReleaseTag tag = pattern.format(kit, Version.of(2, 5, 0));
            assertThat(tag.name()).isEqualTo("@sveltejs/kit@2.5.0");
            assertThat(tag.service()).isEqualTo(kit);
            assertThat(tag.refName()).isEqualTo("refs/tags/@sveltejs/kit@2.5.0");
            assertThat(pattern.match("@sveltejs/kit@2.5.0", kit)).contains(tag);
            assertThat(pattern.match("@sveltejs/kit@2.5.0-next.1", kit)).isEmpty();
            assertThat(pattern.match("@sveltejs/kitx@2.5.0", kit)).isEmpty();
            assertThat(pattern.match("packages/kit@2.5.0", kit)).isEmpty();
            // the default pattern reads the same name as the tag of service @sveltejs/kit, a different tag
            assertThat(ReleaseTag.parse("@sveltejs/kit@2.5.0")).isNotEqualTo(tag);
        }

        @Test
        void aPatternWithoutServiceCannotSayWhoseTagANameIs() {
            TagPattern pattern = TagPattern.parse("@sveltejs/kit@{version}");
            assertThatThrownBy(() -> pattern.match("@sveltejs/kit@2.5.0"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the tag pattern \"@sveltejs/kit@{version}\" has no {service}; match(name, service) says"
                            + " whose tag a name is");
            assertThatThrownBy(() -> pattern.parseTag("@sveltejs/kit@2.5.0")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void otherShapes() {
            TagPattern slashV = TagPattern.parse("{service}/v{version}");
            ReleaseTag tag = slashV.format(WEB, V023);
            assertThat(tag.name()).isEqualTo("services/web/v0.2.3");
            assertThat(slashV.parseTag("services/web/v0.2.3")).isEqualTo(tag);
            assertThat(slashV.match("services/web/v0.2.3", WEB)).contains(tag);
            assertThat(slashV.match("services/web@0.2.3", WEB)).isEmpty();
            assertThatThrownBy(() -> slashV.parseTag("services/web@0.2.3"))
                    .isInstanceOf(InvalidReleaseTagException.class)
                    .hasMessage("invalid release tag \"services/web@0.2.3\": it does not have the shape {service}/v{version}"
                            + " (expected {service}/v{version} with a service path and a release version X.Y.Z, such as"
                            + " services/go-backend/v0.2.3)");

            TagPattern versionOnly = TagPattern.parse("{version}");
            assertThat(versionOnly.format(WEB, V023).name()).isEqualTo("0.2.3");
            assertThat(versionOnly.match("0.2.3", WEB)).contains(versionOnly.format(WEB, V023));
            assertThat(versionOnly.match("v0.2.3", WEB)).isEmpty();
        }

        @Test
        void theVersionMayComeFirst() {
            // the service holds the pattern's separator: the known service fixes the split
            TagPattern pattern = TagPattern.parse("{version}-{service}");
            ServiceId ab = ServiceId.of("a-b");
            ReleaseTag tag = pattern.format(ab, V023);
            assertThat(tag.name()).isEqualTo("0.2.3-a-b");
            assertThat(pattern.match("0.2.3-a-b", ab)).contains(tag);
            assertThat(pattern.match("0.2.3-a-b", ServiceId.of("b"))).isEmpty();
            assertThat(pattern.match("0.2.3-a-b")).contains(tag);
            assertThat(pattern.parseTag("0.2.3-a-b")).isEqualTo(tag);
        }

        @Test
        void aServiceHoldingTheSeparatorAndAVersion() {
            TagPattern pattern = TagPattern.parse("{service}-{version}");
            ServiceId tricky = ServiceId.of("svc-1.2.3");
            ReleaseTag tag = pattern.format(tricky, V023);
            assertThat(tag.name()).isEqualTo("svc-1.2.3-0.2.3");
            assertThat(pattern.match(tag.name(), tricky)).contains(tag);
            assertThat(pattern.match(tag.name(), ServiceId.of("svc"))).isEmpty();
            assertThat(pattern.parseTag(tag.name())).isEqualTo(tag);
        }
    }

    @Nested
    @DisplayName("invalid tag patterns")
    class InvalidPatterns {

        static Stream<Arguments> patterns() {
            return Stream.of(
                    Arguments.of("{service}@", "it has no {version} placeholder; write for example {service}@{version}"),
                    Arguments.of("", "it has no {version} placeholder"),
                    Arguments.of("release", "it has no {version} placeholder"),
                    Arguments.of("{service}@{vers}", "unknown placeholder {vers}; only {service} and {version} exist"),
                    Arguments.of("{name}@{version}", "unknown placeholder {name}; only {service} and {version} exist"),
                    Arguments.of("{}@{version}", "unknown placeholder {}"),
                    Arguments.of("{version}@{version}", "{version} appears more than once"),
                    Arguments.of("{service}/{service}@{version}", "{service} appears more than once"),
                    Arguments.of("{service}@{version", "the '{' at index 10 is not closed"),
                    Arguments.of("{service@{version}", "unknown placeholder {service@{version}"),
                    Arguments.of("{service}}@{version}", "the '}' at index 9 closes no placeholder"),
                    Arguments.of("}{version}", "the '}' at index 0 closes no placeholder"),
                    Arguments.of("{service}{version}", "two placeholders with nothing between them cannot be told apart;"
                            + " put a separator such as '@' between them"),
                    Arguments.of("{version}{service}", "two placeholders with nothing between them"));
        }

        @ParameterizedTest
        @MethodSource("patterns")
        void areRefusedWithTheReason(String pattern, String reason) {
            InvalidPatternException e = catchThrowableOfType(InvalidPatternException.class, () -> TagPattern.parse(pattern));
            assertThat(e).as(pattern).isNotNull();
            assertThat(e.input()).isEqualTo(pattern);
            assertThat(e.getMessage()).startsWith("invalid release tag pattern \"" + pattern + "\": ").contains(reason);
        }
    }
}
