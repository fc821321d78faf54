package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidImageTagException;
import dev.slipway.api.Version;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of {@link ImageTag}: round trip, and the OCI distribution grammar as the oracle for any string. */
class ImageTagProperties {

    /** The tag grammar of the OCI distribution specification. */
    private static final Pattern OCI_TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    @Property
    void ofValueIsIdentity(@ForAll("tags") ImageTag tag) {
        assertThat(ImageTag.of(tag.value())).isEqualTo(tag);
        assertThat(OCI_TAG.matcher(tag.value()).matches()).isTrue();
    }

    @Property(tries = 3000)
    void anyStringIsATagExactlyWhenTheOciGrammarSaysSoOrThrows(@ForAll("tagish") String text) {
        boolean valid = OCI_TAG.matcher(text).matches();
        try {
            assertThat(ImageTag.of(text).value()).isEqualTo(text);
            assertThat(valid).as("accepted \"%s\"", text).isTrue();
        } catch (InvalidImageTagException e) {
            assertThat(valid).as("refused \"%s\": %s", text, e.getMessage()).isFalse();
            assertThat(e.input()).isEqualTo(text);
            assertThat(e.getMessage()).startsWith("invalid image tag \"" + text + "\": ")
                    .endsWith(" (OCI tags match [A-Za-z0-9_][A-Za-z0-9._-]{0,127})");
            if (text.contains("+") && text.length() <= ImageTag.MAX_LENGTH && !text.startsWith(".") && !text.startsWith("-")
                    && text.substring(0, text.indexOf('+')).chars().allMatch(c -> OCI_TAG.matcher("a" + (char) c).matches())) {
                assertThat(e.getMessage()).contains("SemVer build metadata (+...) cannot be part of an image tag");
            }
        }
    }

    @Property
    void aVersionIsATagExactlyWithoutBuildMetadataAndWithin128Characters(@ForAll("versions") Version version) {
        String text = version.toString();
        boolean expected = version.build().isEmpty() && text.length() <= ImageTag.MAX_LENGTH;
        boolean accepted;
        try {
            ImageTag.of(text);
            accepted = true;
        } catch (InvalidImageTagException e) {
            accepted = false;
        }
        assertThat(accepted).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<ImageTag> tags() {
        return SlipwayArbitraries.imageTags();
    }

    @Provide
    Arbitrary<Version> versions() {
        return SlipwayArbitraries.versions();
    }

    @Provide
    Arbitrary<String> tagish() {
        return Arbitraries.oneOf(
                NearMisses.of(SlipwayArbitraries.imageTags().map(ImageTag::value), "aZ09_.-+/: \u00e9\u0001"),
                Arbitraries.strings().withChars("ab._-+").ofMinLength(126).ofMaxLength(130));
    }
}
