package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.internal.YamlScalars;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Golden files: real-world values shapes (Bitnami-style nested image blocks, anchors and merge keys,
 * CRLF, several documents, a BOM without a final newline, an umbrella chart) with markers added. The
 * output must equal the checked-in {@code *.expected.yaml}, and, checked independently of that file,
 * differ from the input in exactly the bytes of the marked values.
 *
 * <p>To regenerate the expected files after an intended change: run with {@code -Dgolden.update=true}
 * and review the diff.
 */
class GoldenTest {

    static final String DIR = "golden/";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nested-image-blocks.yaml", "staging", "services/go-backend", "0.2.3-rc0001-gfedcba9", 3),
                Arguments.of("anchors-elsewhere.yaml", "production", "services/api", "v1.5.0", 2),
                Arguments.of("anchors-elsewhere.yaml", "production", "services/worker", "1.20", 1),
                Arguments.of("crlf.yaml", "staging", "services/storefront", "3.1.0-rc0003-gabc1235", 1),
                Arguments.of("multi-document.yaml", "staging", "services/web", "2.0.1-rc0001-g0000001", 2),
                Arguments.of("multi-document.yaml", "production", "services/web-api", "1.10.0", 1),
                Arguments.of("bom-no-final-newline.yaml", "staging", "services/reports", "2024.02", 2),
                Arguments.of("umbrella.yaml", "staging", "services/go-backend", "0.2.3", 2),
                Arguments.of("umbrella.yaml", "staging", "services/web", "on", 1));
    }

    @ParameterizedTest(name = "{0}: {2} in {1} -> {3}")
    @MethodSource("cases")
    void golden(String file, String env, String service, String version, int markers) throws IOException {
        byte[] input = resource(DIR + file);
        ServiceId id = ServiceId.of(service);
        MarkerIndex index = MarkerIndex.scan(ManifestSource.of(Map.of(file, input)), GitOps.DEFAULT,
                List.of("staging", "production"), List.of(id));
        List<MarkerLocation> locations = index.requireLocations(env, id);
        assertThat(locations).hasSize(markers);
        assertThat(index.problems()).isEmpty();

        byte[] output = MarkerEdits.setValue(file, input, locations, version);

        // 1. the checked-in expectation
        String expectedName = file.replace(".yaml", "." + service.replace('/', '-') + ".expected.yaml");
        if (Boolean.getBoolean("golden.update")) {
            Path target = Path.of("src/test/resources/dev/slipway/core/manifest", DIR, expectedName);
            Files.write(target, output);
        }
        assertThat(output).as("%s against %s", file, expectedName).isEqualTo(resource(DIR + expectedName));

        // 2. independently: the input with exactly the value tokens of the marked lines replaced
        assertThat(new String(output, StandardCharsets.UTF_8))
                .isEqualTo(new String(replaceValueTokens(input, locations, version), StandardCharsets.UTF_8));
        assertThat(changedLines(input, output)).isEqualTo(lines(locations));

        // 3. the loaded documents equal the input's except for the marked values
        assertThat(load(output)).isEqualTo(load(replaceValueTokens(input, locations, version)));
        assertThat(load(output)).isNotEqualTo(load(input));
    }

    /** A token regex, separate from the engine: indent, optional "- ", key, ':', blanks, the value, blanks, '#'. */
    static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:-\\s+)*(?:\"[^\"]*\"|'[^']*'|[^\\s#'\"][^#]*?):[ \\t]+)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#]+)([ \\t]+#.*)$");

    static byte[] replaceValueTokens(byte[] input, List<MarkerLocation> locations, String version) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<String> lines = splitKeepingBreaks(text);
        for (MarkerLocation l : locations) {
            String line = lines.get(l.line() - 1);
            String body = line.replaceAll("[\r\n]+$", "");
            String brk = line.substring(body.length());
            String bom = "";
            if (body.startsWith("\uFEFF")) {
                bom = "\uFEFF";
                body = body.substring(1);
            }
            Matcher m = LINE.matcher(body);
            assertThat(m.matches()).as("line %d is key: value  # marker: %s", l.line(), body).isTrue();
            String token = m.group(2);
            String replaced = token.startsWith("\"") ? "\"" + version + "\""
                    : token.startsWith("'") ? "'" + version + "'"
                    : YamlScalars.plainSafe(version) ? version : "\"" + version + "\"";
            lines.set(l.line() - 1, bom + m.group(1) + replaced + m.group(3) + brk);
        }
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }

    static List<String> splitKeepingBreaks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    static Set<Integer> changedLines(byte[] a, byte[] b) {
        List<String> x = splitKeepingBreaks(new String(a, StandardCharsets.UTF_8));
        List<String> y = splitKeepingBreaks(new String(b, StandardCharsets.UTF_8));
        assertThat(y).hasSameSizeAs(x);
        Set<Integer> changed = new TreeSet<>();
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).equals(y.get(i))) {
                changed.add(i + 1);
            }
        }
        return changed;
    }

    static Set<Integer> lines(List<MarkerLocation> locations) {
        Set<Integer> out = new TreeSet<>();
        locations.forEach(l -> out.add(l.line()));
        return out;
    }

    static List<Object> load(byte[] bytes) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setSchema(new CoreSchema()).build();
        List<Object> docs = new ArrayList<>();
        new Load(settings).loadAllFromString(new String(bytes, StandardCharsets.UTF_8)).forEach(docs::add);
        return docs;
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenTest.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
