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

/** {@link ServiceId}: normalized repo-relative directories, refused rather than normalized. */
class ServiceIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"services/go-backend", "a", "@scope/pkg", "services/web-api", "a.b/c", "x/.../y", "x/..a/.b",
        "services/my service", "libs/\u00fcber", "ab:c/d", "{service}"})
    void acceptsNormalizedRelativePaths(String path) {
        ServiceId id = ServiceId.of(path);
        assertThat(id.path()).isEqualTo(path);
        assertThat(id).hasToString(path).isEqualTo(new ServiceId(path));
    }

    static Stream<Arguments> invalid() {
        String absolute = "it is absolute; give the path relative to the repository root";
        String drive = "it is absolute (a drive letter); give the path relative to the repository root";
        String dotDot = "it has a '..' segment; write the normalized path";
        String dot = "it has a '.' segment; write the normalized path";
        String backslash = "it contains a backslash; use '/' between directories";
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of("/srv/web", absolute),
                Arguments.of("/", absolute),
                Arguments.of("C:/services/web", drive),
                Arguments.of("c:", drive),
                Arguments.of("services/../web", dotDot),
                Arguments.of("../web", dotDot),
                Arguments.of("services/web/..", dotDot),
                Arguments.of("..", dotDot),
                Arguments.of("./web", dot),
                Arguments.of("services/./web", dot),
                Arguments.of(".", dot),
                Arguments.of("services//web", "it has an empty segment ('//')"),
                Arguments.of("services\\web", backslash),
                Arguments.of("C:\\services", backslash),
                Arguments.of("services/web/", "it ends with '/'; drop the trailing slash"),
                Arguments.of("services/we\u0000b", "it contains a control character at index 11"),
                Arguments.of("services/web\n", "it contains a control character at index 12"),
                Arguments.of("\tweb", "it contains a control character at index 0"),
                Arguments.of("web\u007f", "it contains a control character at index 3"),
                Arguments.of("web\u001f", "it contains a control character at index 3"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesPathsThatAreNotNormalRelativeDirectories(String path, String reason) {
        InvalidServiceIdException e = catchThrowableOfType(InvalidServiceIdException.class, () -> ServiceId.of(path));
        assertThat(e).as(path).isNotNull().isInstanceOf(InvalidInputException.class);
        assertThat(e.input()).isEqualTo(path);
        assertThat(e.getMessage()).isEqualTo("invalid service path \"" + path + "\": " + reason
                + "; expected a repo-relative directory such as services/go-backend");
        assertThatThrownBy(() -> new ServiceId(path)).isInstanceOf(InvalidServiceIdException.class);
    }

    @Test
    void containsMatchesWholeSegmentsOnly() {
        ServiceId web = ServiceId.of("services/web");
        assertThat(web.contains("services/web")).isTrue();
        assertThat(web.contains("services/web/main.go")).isTrue();
        assertThat(web.contains("services/web/cmd/server/main.go")).isTrue();
        assertThat(web.contains("services/web-api")).isFalse();
        assertThat(web.contains("services/web-api/main.go")).isFalse();
        assertThat(web.contains("services/webx/main.go")).isFalse();
        assertThat(web.contains("services/we")).isFalse();
        assertThat(web.contains("services")).isFalse();
        assertThat(web.contains("other/services/web/main.go")).isFalse();
        assertThat(web.contains("")).isFalse();
        assertThat(ServiceId.of("services/web-api").contains("services/web/main.go")).isFalse();
        assertThatThrownBy(() -> web.contains(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nameAndSegments() {
        ServiceId id = ServiceId.of("services/go-backend");
        assertThat(id.name()).isEqualTo("go-backend");
        assertThat(id.segments()).containsExactly("services", "go-backend");
        assertThat(ServiceId.of("web").name()).isEqualTo("web");
        assertThat(ServiceId.of("web").segments()).containsExactly("web");
        assertThatThrownBy(() -> id.segments().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ordersByPathText() {
        assertThat(ServiceId.of("services/web").compareTo(ServiceId.of("services/web-api"))).isNegative();
        assertThat(ServiceId.of("services/b").compareTo(ServiceId.of("services/a"))).isPositive();
        assertThat(ServiceId.of("a").compareTo(ServiceId.of("a"))).isZero();
    }
}
