package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pre-filter never misses: both search modes (Horspool per marker, the eight-bytes-at-a-time '#' scan)
 * agree with a brute-force reading of every '#' and the trimmed rest of its line.
 */
class MarkerMatcherProperties {

    static final List<String> MARKERS = List.of("staging_services/web", "staging_services/web-api", "prod_x",
            "staging_services/w\u00e9b", "a", "staging_services/web2");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("#", "# ", " ", "\t", "\n", "\r", "\r\n", "staging_services/web", "staging_services/",
                "web", "-api", "prod_x", "x", "\u00e9", "b", "a", ":", "\u000b", "tag: 1.0.0 ").list().ofMaxSize(40)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<String>> markerSets() {
        return Arbitraries.of(MARKERS).set().ofMinSize(1).ofMaxSize(6).map(ArrayList::new);
    }

    @Property(tries = 2000)
    void agreesWithBruteForce(@ForAll("texts") String text, @ForAll("markerSets") List<String> markers) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> expected = bruteForce(text, markers);
        MarkerMatcher matcher = new MarkerMatcher(markers);
        assertThat(matcher.matchesAny(bytes)).as("%s in %s", markers, text).isEqualTo(!expected.isEmpty());
        assertThat(matcher.candidates(bytes)).isEqualTo(expected);
        // the same answer from the '#' scan, whatever the number of markers
        List<String> padded = new ArrayList<>(markers);
        for (int i = 0; padded.size() <= 4; i++) {
            padded.add("zz-never-" + i);
        }
        assertThat(new MarkerMatcher(padded).matchesAny(bytes)).isEqualTo(!expected.isEmpty());
    }

    static List<Integer> bruteForce(String text, List<String> markers) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '#') {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int m = markers.indexOf(text.substring(i + 1, end).trim());
            if (m >= 0) {
                out.add(m);
            }
        }
        return out;
    }

    @Property(tries = 500)
    void findsEveryHash(@ForAll("texts") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        LinkedHashSet<Integer> expected = new LinkedHashSet<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                expected.add(i);
            }
        }
        LinkedHashSet<Integer> found = new LinkedHashSet<>();
        for (int i = MarkerMatcher.indexOfHash(bytes, 0); i >= 0; i = MarkerMatcher.indexOfHash(bytes, i + 1)) {
            found.add(i);
        }
        assertThat(found).containsExactlyElementsOf(expected);
    }
}
