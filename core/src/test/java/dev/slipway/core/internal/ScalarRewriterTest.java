package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.manifest.ManifestEditException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verification refuses any edit whose result does not parse back as the original plus the edit. */
class ScalarRewriterTest {

    static final String YAML = "images:\n  - name: a\n    newName: b\nother: 1\n";

    static YamlFile file() {
        return YamlFile.parse("k.yaml", YAML.getBytes(StandardCharsets.UTF_8));
    }

    static int entryStart(YamlFile f) {
        YamlStructure s = new YamlStructure(f);
        for (int i = 0; i < f.events().size(); i++) {
            if (s.role(i) == YamlStructure.ITEM) {
                return i;
            }
        }
        throw new AssertionError();
    }

    static ScalarRewriter.Insertion insert(YamlFile f, String text) {
        int offset = YAML.indexOf("other:");
        return new ScalarRewriter.Insertion(offset, text.getBytes(StandardCharsets.UTF_8), entryStart(f),
                List.of(Map.entry("newTag", "1.0")));
    }

    @Test
    @DisplayName("an inserted line that lands in the entry is accepted")
    void accepted() {
        YamlFile f = file();
        byte[] out = ScalarRewriter.rewrite(f, List.of(), insert(f, "    newTag: \"1.0\"\n"), 2);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(YAML.replace("other:", "    newTag: \"1.0\"\nother:"));
    }

    @Test
    @DisplayName("an inserted line that lands in another mapping is refused")
    void otherMapping() {
        YamlFile f = file();
        assertThatThrownBy(() -> ScalarRewriter.rewrite(f, List.of(), insert(f, "newTag: \"1.0\"\n"), 2))
                .isInstanceOf(ManifestEditException.class)
                .hasMessageContaining("nothing was written");
    }

    @Test
    @DisplayName("an insertion that breaks the file is refused")
    void broken() {
        YamlFile f = file();
        assertThatThrownBy(() -> ScalarRewriter.rewrite(f, List.of(), insert(f, "   newTag: [1.0\n"), 2))
                .isInstanceOf(ManifestEditException.class)
                .hasMessageStartingWith("k.yaml:2: ")
                .hasMessageContaining("nothing was written");
    }

    @Test
    @DisplayName("an insertion with other values than announced is refused")
    void otherValue() {
        YamlFile f = file();
        assertThatThrownBy(() -> ScalarRewriter.rewrite(f, List.of(), insert(f, "    newTag: \"2.0\"\n"), 2))
                .isInstanceOf(ManifestEditException.class);
    }

    @Test
    @DisplayName("a value that would not read back as a string is quoted, never written plain")
    void quoting() {
        assertThat(YamlScalars.format("1.20", org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN)).isEqualTo("\"1.20\"");
        assertThat(YamlScalars.format("it's", org.snakeyaml.engine.v2.common.ScalarStyle.SINGLE_QUOTED)).isEqualTo("'it''s'");
        assertThat(YamlScalars.format("a\"b\\c\n", org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED))
                .isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(YamlScalars.format("a\nb", org.snakeyaml.engine.v2.common.ScalarStyle.SINGLE_QUOTED))
                .isEqualTo("\"a\\nb\"");
        for (String s : List.of("yes", "No", "ON", "off", "~", "null", "1_000", "0b101", "0o17", "0x1f", "017", "1e5",
                "1.5e-3", ".5", "-.inf", ".NaN", "2024-1-2", "190:20:30", "-", "=", "<<", "a:", "@x", "`x", "!x", "&x",
                "*x", "a #b", "- x", "? x", "[x", "{x", "x,y", "'x", "\"x", "%x", "|", ">", "", " x", "x ")) {
            assertThat(YamlScalars.plainSafe(s)).as(s).isFalse();
        }
        for (String s : List.of("1.2.3", "v1.20", "0.2.2-rc0029-g1234567", "latest", "hotfix-123", "_x", "a.b",
                "sha256:abc", "1.2.3-1", "x.y.z", "2024.01.15")) {
            assertThat(YamlScalars.plainSafe(s)).as(s).isTrue();
        }
    }
}
