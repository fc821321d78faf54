package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidImageTagException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Marker edits on small files: exact bytes out, refusals with path:line and the reason. */
class MarkerEditsTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final String PATH = "k8s/values.yaml";

    static MarkerIndex index(String yaml) {
        return index(yaml.getBytes(StandardCharsets.UTF_8));
    }

    static MarkerIndex index(byte[] yaml) {
        return MarkerIndex.scan(ManifestSource.of(Map.of(PATH, yaml)), GitOps.DEFAULT, List.of("staging", "production"),
                List.of(WEB, ServiceId.of("services/web-api")));
    }

    static String edit(String yaml, String newValue) {
        byte[] in = yaml.getBytes(StandardCharsets.UTF_8);
        List<MarkerLocation> locations = index(in).requireLocations("staging", WEB);
        return new String(MarkerEdits.setValue(PATH, in, locations, newValue), StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("only the value's bytes change")
    class Bytes {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain | `image:\n  tag: 0.1.0  # staging_services/web\n` | `image:\n  tag: 0.2.0-rc0001-gabcdef0  # staging_services/web\n`",
            "single-quoted | `tag: '0.1.0' # staging_services/web\n` | `tag: '0.2.0-rc0001-gabcdef0' # staging_services/web\n`",
            "double-quoted | `tag: \"0.1.0\"\t# staging_services/web\n` | `tag: \"0.2.0-rc0001-gabcdef0\"\t# staging_services/web\n`",
            "escaped double-quoted | `tag: \"0\\x2e1\" # staging_services/web\n` | `tag: \"0.2.0-rc0001-gabcdef0\" # staging_services/web\n`",
            "CRLF | `a: 1\r\ntag: 0.1.0 # staging_services/web\r\nb: 2\r\n` | `a: 1\r\ntag: 0.2.0-rc0001-gabcdef0 # staging_services/web\r\nb: 2\r\n`",
            "no final newline | `tag: 0.1.0 #staging_services/web` | `tag: 0.2.0-rc0001-gabcdef0 #staging_services/web`",
            "marker with trailing blanks | `tag: x #  staging_services/web  \t\nz: 1\n` | `tag: 0.2.0-rc0001-gabcdef0 #  staging_services/web  \t\nz: 1\n`",
            "in a sequence item | `c:\n  - name: web\n    tag: 1.0.0 # staging_services/web\n` | `c:\n  - name: web\n    tag: 0.2.0-rc0001-gabcdef0 # staging_services/web\n`",
            "first key of an item | `c:\n  - tag: 1.0.0 # staging_services/web\n` | `c:\n  - tag: 0.2.0-rc0001-gabcdef0 # staging_services/web\n`",
            "quoted key | `\"tag\": 1.0.0 # staging_services/web\n` | `\"tag\": 0.2.0-rc0001-gabcdef0 # staging_services/web\n`",
            "CR line breaks | `a: 1\rtag: 1.0.0 # staging_services/web\rb: 2\r` | `a: 1\rtag: 0.2.0-rc0001-gabcdef0 # staging_services/web\rb: 2\r`",
            "tab after the colon | `tag:\t1.0.0\t\t# staging_services/web\n` | `tag:\t0.2.0-rc0001-gabcdef0\t\t# staging_services/web\n`",
            "duplicate keys | `tag: 0\ntag: 1.0.0 # staging_services/web\ntag: 2\n` | `tag: 0\ntag: 0.2.0-rc0001-gabcdef0 # staging_services/web\ntag: 2\n`",
            "explicit document markers | `%YAML 1.2\n---\ntag: 1 # staging_services/web\n...\n` | `%YAML 1.2\n---\ntag: 0.2.0-rc0001-gabcdef0 # staging_services/web\n...\n`",
            "anchors and aliases elsewhere | `a: &x 1\nb: *x\ntag: 1 # staging_services/web\n` | `a: &x 1\nb: *x\ntag: 0.2.0-rc0001-gabcdef0 # staging_services/web\n`",
            "flow collections elsewhere | `f: [a, {b: c}]\ntag: 1 # staging_services/web\n` | `f: [a, {b: c}]\ntag: 0.2.0-rc0001-gabcdef0 # staging_services/web\n`",
        })
        void keepsEverythingElse(String name, String before, String after) {
            assertThat(edit(before, "0.2.0-rc0001-gabcdef0")).isEqualTo(after);
        }

        @Test
        @DisplayName("a BOM stays, and positions after non-ASCII text are right")
        void bomAndUnicode() {
            String before = "\uFEFFname: \"h\u00e9llo \uD83D\uDE00\" # \u00e9\ntag: 1.0.0 # staging_services/web\n";
            assertThat(edit(before, "2.0.0")).isEqualTo(before.replace("1.0.0", "2.0.0"));
        }

        @Test
        @DisplayName("every document of a multi-document file is searched, and the others stay as they were")
        void multiDocument() {
            String before = "a: 1 # staging_services/web-api\n---\nb:\n  tag: 1.0.0 # staging_services/web\n...\n---\n"
                    + "c: 3\ntag: 1.0.0 # staging_services/web\n";
            assertThat(edit(before, "1.1.0")).isEqualTo(before.replace("1.0.0", "1.1.0"));
        }

        @ParameterizedTest(name = "{0} is written double-quoted")
        @CsvSource({"1.20", "1e5", "0x1F", "1_000", "017", "on", "No", "y", "null", "true", "2024-01-31", "12", ".inf"})
        void nonStringsAreQuoted(String value) {
            if (value.startsWith(".")) {
                assertThatThrownBy(() -> edit("tag: a # staging_services/web\n", value))
                        .isInstanceOf(InvalidImageTagException.class);
                return;
            }
            assertThat(edit("tag: a # staging_services/web\n", value))
                    .isEqualTo("tag: \"" + value + "\" # staging_services/web\n");
            assertThat(edit("tag: 'a' # staging_services/web\n", value))
                    .isEqualTo("tag: '" + value + "' # staging_services/web\n");
        }

        @Test
        @DisplayName("a plain value that needs no quotes stays plain, and versions with dots or letters stay plain")
        void plainStaysPlain() {
            for (String v : List.of("1.2.3", "v1.20", "0.2.2-rc0029-g1234567", "latest", "hotfix-123", "1.20.0", "_x")) {
                assertThat(edit("tag: \"a\" # staging_services/web\n", v)).isEqualTo("tag: \"" + v + "\" # staging_services/web\n");
                assertThat(edit("tag: a # staging_services/web\n", v)).isEqualTo("tag: " + v + " # staging_services/web\n");
            }
        }

        @Test
        @DisplayName("setting the value a marker already holds returns the input array itself")
        void unchanged() {
            byte[] in = "tag: 1.0.0 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            List<MarkerLocation> locs = index(in).requireLocations("staging", WEB);
            assertThat(MarkerEdits.setValue(PATH, in, locs, "1.0.0")).isSameAs(in);
            assertThat(MarkerEdits.setValues(ManifestSource.of(Map.of(PATH, in)), locs, "1.0.0")).isEmpty();
        }

        @Test
        @DisplayName("several markers of a service in one file are all set, and other services' are not")
        void severalMarkers() {
            String before = "web:\n  tag: 1.0.0 # staging_services/web\nsidecar:\n  tag: 1.0.0   # staging_services/web\n"
                    + "api:\n  tag: 1.0.0 # staging_services/web-api\nprod:\n  tag: 1.0.0 # production_services/web\n";
            assertThat(edit(before, "1.0.1")).isEqualTo("web:\n  tag: 1.0.1 # staging_services/web\nsidecar:\n"
                    + "  tag: 1.0.1   # staging_services/web\napi:\n  tag: 1.0.0 # staging_services/web-api\nprod:\n"
                    + "  tag: 1.0.0 # production_services/web\n");
        }
    }

    @Nested
    @DisplayName("a marker is a YAML comment whose trimmed text equals the marker exactly")
    class Finding {

        @Test
        @DisplayName("marker text inside a block scalar or a quoted string is content, never a marker")
        void blockScalarContent() {
            String yaml = "script: |\n  tag: 1.0.0 # staging_services/web\nnote: \"x # staging_services/web\"\n"
                    + "folded: >\n  tag: 1 # staging_services/web\n";
            MarkerIndex index = index(yaml);
            assertThat(index.all()).isEmpty();
            assertThat(index.problems()).isEmpty();
            assertThatThrownBy(() -> index.requireLocations("staging", WEB))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no marker \"# staging_services/web\"");
        }

        @Test
        @DisplayName("a longer or shorter service path is not the marker")
        void exactText() {
            MarkerIndex index = index("a: 1 # staging_services/web-api\nb: 2 # staging_services/we\n"
                    + "c: 3 # staging_services/web extra\nd: 4 # xstaging_services/web\n");
            assertThat(index.locations("staging", WEB)).isEmpty();
            assertThat(index.locations("staging", ServiceId.of("services/web-api")))
                    .containsExactly(new MarkerLocation(PATH, 1, "a", "1", "staging", ServiceId.of("services/web-api")));
        }

        @Test
        @DisplayName("locations carry the path, the 1-based line, the key and the unquoted value")
        void locationParts() {
            MarkerIndex index = index("# header\nimage:\n  repository: r\n  tag: '1.0.0' # staging_services/web\n");
            assertThat(index.all()).containsExactly(new MarkerLocation(PATH, 4, "tag", "1.0.0", "staging", WEB));
            assertThat(index.files()).containsExactly(PATH);
        }

        @Test
        @DisplayName("only files matching gitops.files are read; '!' excludes")
        void globs() {
            byte[] y = "tag: 1.0.0 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("kubernetes/staging/values.yaml", y);
            files.put("kubernetes/staging/skip.yaml", y);
            files.put("docs/example.yaml", y);
            files.put("kubernetes/readme.md", y);
            GitOps gitops = new GitOps("{env}_{service}", List.of("kubernetes/**/*.yaml", "!**/skip.yaml"), List.of(),
                    java.util.Optional.empty(), "m", java.time.Duration.ofMinutes(1));
            MarkerIndex index = MarkerIndex.scan(ManifestSource.of(files), gitops, List.of("staging"), List.of(WEB));
            assertThat(index.files()).containsExactly("kubernetes/staging/values.yaml");
        }

        @Test
        @DisplayName("a configured marker pattern is used")
        void pattern() {
            GitOps gitops = new GitOps("slipway:{service}@{env}", List.of("**/*.yaml"), List.of(),
                    java.util.Optional.empty(), "m", java.time.Duration.ofMinutes(1));
            MarkerIndex index = MarkerIndex.scan(ManifestSource.of(Map.of("a.yaml",
                    "tag: 1 # slipway:services/web@staging\nu: 2 # staging_services/web\n".getBytes(StandardCharsets.UTF_8))),
                    gitops, List.of("staging"), List.of(WEB));
            assertThat(index.all()).extracting(MarkerLocation::line).containsExactly(1);
        }
    }

    @Nested
    @DisplayName("a marker on a line with no single plain or quoted value is refused with path:line and the reason")
    class Refusals {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "block scalar | `x: 1\ntag: | # staging_services/web\n  1.0.0\n` | 2 | block scalar",
            "folded block scalar | `tag: >- # staging_services/web\n  1.0.0\n` | 1 | block scalar",
            "flow sequence | `tags: [1, 2] # staging_services/web\n` | 1 | flow collection",
            "flow mapping | `image: {tag: 1} # staging_services/web\n` | 1 | flow collection",
            "inside a flow mapping | `image: {\n  tag: 1, # staging_services/web\n}\n` | 2 | flow collection",
            "alias | `a: &v 1.0.0\ntag: *v # staging_services/web\n` | 2 | alias",
            "anchor | `tag: &v 1.0.0 # staging_services/web\nb: *v\n` | 1 | anchor",
            "explicit tag | `tag: !!str 1.0.0 # staging_services/web\n` | 1 | explicit tag",
            "key without value | `tag: # staging_services/web\nb: 1\n` | 1 | no value",
            "key with a nested block | `image: # staging_services/web\n  tag: 1\n` | 1 | nested block",
            "marker on its own line | `# staging_services/web\ntag: 1\n` | 1 | line of its own",
            "sequence item | `tags:\n  - 1.0.0 # staging_services/web\n` | 2 | sequence item",
            "multi-line value | `tag: \"1.0.0\n  x\" # staging_services/web\n` | 2 | key: value",
        })
        void refused(String name, String yaml, int line, String reason) {
            MarkerIndex index = index(yaml);
            assertThat(index.all()).isEmpty();
            assertThat(index.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.reason()).contains(reason);
            });
            assertThatThrownBy(() -> index.requireLocations("staging", WEB))
                    .isInstanceOf(ManifestEditException.class)
                    .hasMessageStartingWith(PATH + ":" + line + ": ")
                    .hasMessageContaining(reason);
            // a hand-made location is refused by the edit itself
            byte[] in = yaml.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> MarkerEdits.setValue(PATH, in,
                    List.of(new MarkerLocation(PATH, line, "tag", "1.0.0", "staging", WEB)), "2.0.0"))
                    .isInstanceOf(ManifestEditException.class)
                    .hasMessageStartingWith(PATH + ":" + line + ": ");
        }

        @Test
        @DisplayName("a new value that is not an image tag is refused before anything is read")
        void invalidTag() {
            byte[] in = "tag: 1 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            List<MarkerLocation> locs = index(in).requireLocations("staging", WEB);
            for (String bad : List.of("1.0.0+build", "a b", "", "-x", "x\"y", "x: y")) {
                assertThatThrownBy(() -> MarkerEdits.setValue(PATH, in, locs, bad))
                        .isInstanceOf(InvalidImageTagException.class);
            }
        }

        @Test
        @DisplayName("a location whose line changed since the scan is refused: scan again")
        void stale() {
            byte[] in = "tag: 1 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            List<MarkerLocation> locs = index(in).requireLocations("staging", WEB);
            byte[] changed = "tag: 2 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> MarkerEdits.setValue(PATH, changed, locs, "3"))
                    .isInstanceOf(ManifestEditException.class)
                    .hasMessageContaining("scan again");
            byte[] moved = "\ntag: 1 # staging_services/web\n".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> MarkerEdits.setValue(PATH, moved, locs, "3"))
                    .isInstanceOf(ManifestEditException.class)
                    .hasMessageStartingWith(PATH + ":1: ");
        }

        @Test
        @DisplayName("a file with the marker that is not valid YAML is a problem naming the file")
        void invalidYaml() {
            MarkerIndex index = index("tag: 1 # staging_services/web\n  bad: [\n");
            assertThat(index.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("not valid YAML"));
        }

        @Test
        @DisplayName("a file that is not UTF-8 is refused")
        void notUtf8() {
            byte[] in = {'t', 'a', 'g', ':', ' ', (byte) 0xff, ' ', '#', ' ', 's', 't', 'a', 'g', 'i', 'n', 'g', '_', 's', 'e', 'r',
                'v', 'i', 'c', 'e', 's', '/', 'w', 'e', 'b', '\n'};
            assertThat(index(in).problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("UTF-8"));
        }
    }
}
