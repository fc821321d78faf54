package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImageTag}: the OCI distribution tag grammar {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}. */
class ImageTagTest {

    private static final String GRAMMAR = " (OCI tags match [A-Za-z0-9_][A-Za-z0-9._-]{0,127})";

    @ParameterizedTest
    @ValueSource(strings = {"0.2.2-rc0029-g1234567", "0.2.3", "hotfix-123", "latest", "_", "A", "z", "9", "_private",
        "v1.2.3", "a..b", "a--b", "x-", "x.", "X_Y.z-1", "1.0.0-rc.1"})
    void acceptsTheGrammar(String tag) {
        assertThat(ImageTag.of(tag).value()).isEqualTo(tag);
        assertThat(ImageTag.of(tag)).hasToString(tag).isEqualTo(new ImageTag(tag));
    }

    @Test
    void acceptsExactly128Characters() {
        String longest = "a".repeat(128);
        assertThat(ImageTag.of(longest).value()).hasSize(ImageTag.MAX_LENGTH);
        assertThat(ImageTag.of("_" + "-".repeat(127)).value()).hasSize(128);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of("a".repeat(129), "it is 129 characters long, more than 128"),
                Arguments.of("1.2.3+build.5", "'+' is not allowed: SemVer build metadata (+...) cannot be part of an image"
                        + " tag; drop the build metadata or replace '+' with '-'"),
                Arguments.of("0.2.2-rc0029-g1234567+linux", "'+' is not allowed: SemVer build metadata"),
                Arguments.of(".hidden", "it starts with '.'; the first character must be a letter, a digit or '_'"),
                Arguments.of("-x", "it starts with '-'; the first character must be a letter, a digit or '_'"),
                Arguments.of(".", "it starts with '.'; the first character must be a letter, a digit or '_'"),
                Arguments.of("a b", "it contains whitespace at index 1"),
                Arguments.of(" a", "it contains whitespace at index 0"),
                Arguments.of("a\tb", "it contains whitespace at index 1"),
                Arguments.of("a\u0001b", "it contains a control character at index 1"),
                Arguments.of("a/b", "it contains '/' at index 1"),
                Arguments.of("repo:tag", "it contains ':' at index 4"),
                Arguments.of("sha256@x", "it contains '@' at index 6"),
                Arguments.of("\u00e9t\u00e9", "it contains '\u00e9' at index 0"),
                Arguments.of("a~1", "it contains '~' at index 1"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesWhatTheGrammarDoesNot(String tag, String reason) {
        InvalidImageTagException e = catchThrowableOfType(InvalidImageTagException.class, () -> ImageTag.of(tag));
        assertThat(e).as(tag).isNotNull().isInstanceOf(InvalidInputException.class);
        assertThat(e.input()).isEqualTo(tag);
        assertThat(e.getMessage()).isEqualTo("invalid image tag \"" + tag + "\": " + fullReason(reason) + GRAMMAR);
        assertThatThrownBy(() -> new ImageTag(tag)).isInstanceOf(InvalidImageTagException.class);
    }

    private static String fullReason(String reason) {
        if (reason.startsWith("'+' is not allowed")) {
            return "'+' is not allowed: SemVer build metadata (+...) cannot be part of an image tag;"
                    + " drop the build metadata or replace '+' with '-'";
        }
        return reason;
    }

    @Test
    void lengthIsCheckedBeforeCharacters() {
        assertThatThrownBy(() -> ImageTag.of("+".repeat(200)))
                .hasMessageContaining("it is 200 characters long, more than 128");
    }

    @Test
    void everyStagingVersionIsATag() {
        Version staging = StagingScheme.DEFAULT.version(Version.parse("0.2.2"), 29, "1234567abcdef").toVersion();
        assertThat(ImageTag.of(staging.toString()).value()).isEqualTo("0.2.2-rc0029-g1234567");
    }
}
