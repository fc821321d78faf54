package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.Version;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The versions file: a sorted JSON object of service to X.Y.Z. */
class VersionsFileTest {

    @Test
    @DisplayName("writes sorted keys, two-space indentation and a final newline; reads it back")
    void roundTrip() {
        Map<String, Version> v = Map.of("services/web", Version.parse("1.3.0"), "services/api", Version.parse("0.1.0"));
        String text = VersionsFile.format(v);
        assertThat(text).isEqualTo("{\n  \"services/api\": \"0.1.0\",\n  \"services/web\": \"1.3.0\"\n}\n");
        assertThat(VersionsFile.parse("f", text)).isEqualTo(v);
        assertThat(VersionsFile.format(Map.of())).isEqualTo("{}\n");
        assertThat(VersionsFile.parse("f", "{}")).isEmpty();
        assertThat(VersionsFile.parse("f", "")).isEmpty();
        assertThat(VersionsFile.parse("f", "{\"@scope/x \\\"q\\\"\": \"2.0.0\"}")).containsEntry("@scope/x \"q\"", Version.parse("2.0.0"));
        assertThat(VersionsFile.format(Map.of("a\"b", Version.parse("1.0.0")))).contains("\"a\\\"b\"");
    }

    @Test
    @DisplayName("refuses what is not an object of service to X.Y.Z, naming the file and the entry")
    void invalid() {
        assertThatThrownBy(() -> VersionsFile.parse(".slipway/versions.json", "[1]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(".slipway/versions.json holds a list");
        assertThatThrownBy(() -> VersionsFile.parse("f", "{\"services/web\": 1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("services/web");
        assertThatThrownBy(() -> VersionsFile.parse("f", "{\"services/web\": \"1.2\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a version X.Y.Z");
        assertThatThrownBy(() -> VersionsFile.parse("f", "{\"services/web\": \"1.2.0-rc.1\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pre-release");
        assertThatThrownBy(() -> VersionsFile.parse("f", "{\"a\": \"1.0.0\", \"a\": \"2.0.0\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> VersionsFile.parse("f", "{\"a\": "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
    }
}
