package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Random values files with markers: the scan finds exactly the marked values, and after the edit the
 * file loads as the original with exactly those values replaced, while every line without a marker keeps
 * its bytes.
 */
class MarkerEditProperties {

    static final ServiceId SVC = ServiceId.of("services/svc");
    static final ServiceId API = ServiceId.of("services/svc-api");

    @Provide
    Arbitrary<RandomValuesFile> files() {
        return Arbitraries.randomValue(RandomValuesFile::generate);
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> staging = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 9999), Arbitraries.strings().withChars("0123456789abcdef").ofLength(7))
                .as((minor, count, sha) -> "0." + minor + ".1-rc" + String.format("%04d", count) + "-g" + sha);
        Arbitrary<String> tricky = Arbitraries.of("1.20", "on", "null", "0x1F", "017", "1e5", "true", "2024-01-31",
                "12", "y", "_x", "a.b", "hotfix-123", "1.2.3", "No", "1_000");
        return Arbitraries.oneOf(staging, tricky);
    }

    @Property(tries = 250)
    void editChangesExactlyTheMarkedValues(@ForAll("files") RandomValuesFile file, @ForAll("versions") String version) {
        byte[] input = file.text().getBytes(StandardCharsets.UTF_8);
        assertThat(load(input)).as("the generator's model of\n%s", file.text()).isEqualTo(file.documents());

        MarkerIndex index = MarkerIndex.scan(ManifestSource.of(Map.of("values.yaml", input)), GitOps.DEFAULT,
                List.of("staging"), List.of(SVC, API));
        // the decoy service's markers sit anywhere (sequence items, block scalar headers): problems for it only
        assertThat(index.problems()).allSatisfy(p -> assertThat(p.service()).isEqualTo(API));
        List<MarkerLocation> locations = index.requireLocations("staging", SVC);
        assertThat(locations).extracting(MarkerLocation::line)
                .as("marked lines of\n%s", file.text())
                .containsExactlyElementsOf(file.marked().stream().map(RandomValuesFile.Marked::line).toList());

        byte[] output = MarkerEdits.setValue("values.yaml", input, locations, version);

        assertThat(load(output)).as("loaded after setting %s in\n%s", version, file.text())
                .isEqualTo(file.documentsWith(version));
        List<String> before = GoldenTest.splitKeepingBreaks(file.text());
        List<String> after = GoldenTest.splitKeepingBreaks(new String(output, StandardCharsets.UTF_8));
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i + 1);
            }
        }
        assertThat(locations.stream().map(MarkerLocation::line).toList()).containsAll(changed);
        // and the marker lines differ only inside the value: same text before the value, same comment after
        for (MarkerLocation l : locations) {
            String a = before.get(l.line() - 1);
            String b = after.get(l.line() - 1);
            int hash = a.lastIndexOf('#');
            assertThat(b).endsWith(a.substring(hash));
            int colon = a.indexOf(l.key() + ":") + l.key().length() + 1;
            assertThat(b.substring(0, colon)).isEqualTo(a.substring(0, colon));
        }
        // editing again with the same value changes nothing
        MarkerIndex again = MarkerIndex.scan(ManifestSource.of(Map.of("values.yaml", output)), GitOps.DEFAULT,
                List.of("staging"), List.of(SVC));
        assertThat(MarkerEdits.setValue("values.yaml", output, again.requireLocations("staging", SVC), version))
                .isSameAs(output);
    }

    static List<Object> load(byte[] bytes) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setSchema(new CoreSchema()).build();
        List<Object> docs = new ArrayList<>();
        new Load(settings).loadAllFromString(new String(bytes, StandardCharsets.UTF_8)).forEach(docs::add);
        return docs;
    }
}
