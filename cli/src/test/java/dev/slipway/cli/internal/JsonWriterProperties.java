package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The JSON writer against an independent parser (Jackson) on generated strings and trees.
 */
class JsonWriterProperties {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Property
    void stringsReadBackUnchanged(@ForAll("strings") String string) throws Exception {
        String document = JsonWriter.write(string);

        assertThat(JACKSON.readValue(document, String.class)).isEqualTo(string);
    }

    @Property(tries = 300)
    void documentsHoldNoRawControlCharacterNorSeparatorAndEncodeAsUtf8(@ForAll("trees") Object tree) {
        String document = JsonWriter.write(tree);
        String body = document.substring(0, document.length() - 1);

        assertThat(body.chars()).noneMatch(c -> c < 0x20 && c != '\n' || c == 0x2028 || c == 0x2029);
        assertThat(new String(document.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(document);
        assertThat(document).endsWith("\n").doesNotEndWith("\n\n");
    }

    @Property(tries = 300)
    void treesReadBackEqualWithTheirOrder(@ForAll("trees") Object tree) throws Exception {
        Object read = JACKSON.readValue(JsonWriter.write(tree), Object.class);

        assertThat(read).isEqualTo(tree);
        assertSameOrder(read, tree);
    }

    @Property(tries = 300)
    void everyLineIsIndentedByTwoSpacesPerLevel(@ForAll("trees") Object tree) {
        int depth = 0;
        for (String line : JsonWriter.write(tree).split("\n")) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("}") || trimmed.startsWith("]")) {
                depth--;
            }
            assertThat(line).startsWith("  ".repeat(depth)).doesNotStartWith("  ".repeat(depth) + " ");
            if (trimmed.endsWith("{") || trimmed.endsWith("[")) {
                depth++;
            }
        }
        assertThat(depth).isZero();
    }

    private static void assertSameOrder(Object read, Object tree) {
        if (tree instanceof Map<?, ?> map) {
            assertThat(new ArrayList<>(((Map<?, ?>) read).keySet())).isEqualTo(new ArrayList<>(map.keySet()));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSameOrder(((Map<?, ?>) read).get(entry.getKey()), entry.getValue());
            }
        } else if (tree instanceof List<?> list) {
            Iterator<?> reads = ((List<?>) read).iterator();
            for (Object element : list) {
                assertSameOrder(reads.next(), element);
            }
        }
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('"', '\\', '/', '\u2028', '\u2029',
                        '\u007f', 'a', 'é').ofMaxLength(30),
                // unpaired and paired surrogates, in any order
                Arbitraries.strings().withCharRange('\ud800', '\udfff').withChars('x').ofMaxLength(10));
    }

    @Provide
    Arbitrary<Object> trees() {
        return tree(3);
    }

    private Arbitrary<Object> tree(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                strings().map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                // longs beyond int: a parser reads smaller values back as Integer
                Arbitraries.longs().filter(l -> l != (int) (long) l).map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> child = tree(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, child.list().ofMaxSize(4).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.maps(strings(), child).ofMaxSize(4).map(Object.class::cast)));
    }
}
