package dev.slipway.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON the CLI prints under {@code --json}.
 */
class JsonWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** The document for one value, without the trailing newline. */
    private static String json(Object value) {
        String document = JsonWriter.write(value);
        assertThat(document).endsWith("\n").doesNotEndWith("\n\n");
        return document.substring(0, document.length() - 1);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Nested
    @DisplayName("scalars")
    class Scalars {

        @Test
        @DisplayName("null, true and false are the JSON literals")
        void literals() {
            assertThat(json(null)).isEqualTo("null");
            assertThat(json(true)).isEqualTo("true");
            assertThat(json(false)).isEqualTo("false");
        }

        @Test
        @DisplayName("integers of every width are written exactly")
        void integers() {
            assertThat(json(0)).isEqualTo("0");
            assertThat(json(-17)).isEqualTo("-17");
            assertThat(json((byte) 7)).isEqualTo("7");
            assertThat(json((short) -300)).isEqualTo("-300");
            assertThat(json(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
            assertThat(json(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
            assertThat(json(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo("123456789012345678901234567890");
            assertThat(json(new AtomicLong(42))).isEqualTo("42");
        }

        @Test
        @DisplayName("finite floating-point numbers are written in a form JSON accepts and that reads back equal")
        void decimals() throws Exception {
            assertThat(json(1.5)).isEqualTo("1.5");
            assertThat(json(-0.25f)).isEqualTo("-0.25");
            assertThat(json(1e21)).isEqualTo("1.0E21");
            assertThat(json(1e-7)).isEqualTo("1.0E-7");
            assertThat(json(new BigDecimal("1E+3"))).isEqualTo("1E+3");
            assertThat(json(new BigDecimal("-12.50"))).isEqualTo("-12.50");
            for (double d : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.1, 123456.789e-300}) {
                assertThat(JACKSON.readValue(json(d), Double.class)).isEqualTo(d);
            }
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("NaN and the infinities are refused: JSON has no such numbers")
        void nonFinite(double d) {
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(d)).withMessageContaining("finite");
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write((float) d));
        }

        @Test
        @DisplayName("a Number whose text is not a JSON number is refused")
        void oddNumber() {
            Number odd = new Number() {
                private static final long serialVersionUID = 1L;

                @Override
                public int intValue() {
                    return 0;
                }

                @Override
                public long longValue() {
                    return 0;
                }

                @Override
                public float floatValue() {
                    return 0;
                }

                @Override
                public double doubleValue() {
                    return 0;
                }

                @Override
                public String toString() {
                    return "0x10";
                }
            };
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(odd))
                    .withMessageContaining("0x10");
        }
    }

    @Nested
    @DisplayName("strings (RFC 8259 section 7)")
    class Strings {

        @Test
        @DisplayName("the quotation mark and the reverse solidus are escaped")
        void quoteAndBackslash() {
            assertThat(json("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        }

        @Test
        @DisplayName("the solidus and DEL are written as they are")
        void solidusAndDel() {
            assertThat(json("a/b\u007f")).isEqualTo("\"a/b\u007f\"");
        }

        @Test
        @DisplayName("control characters with a short escape use it")
        void shortEscapes() {
            assertThat(json("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        }

        @Test
        @DisplayName("every other control character below U+0020 is written as a lower-case \\u escape")
        void controlCharacters() {
            assertThat(json("\u0000")).isEqualTo("\"\\u0000\"");
            assertThat(json("\u0001\u001f")).isEqualTo("\"\\u0001\\u001f\"");
            assertThat(json("\u000b")).isEqualTo("\"\\u000b\"");
            assertThat(json("\u001b[0m")).isEqualTo("\"\\u001b[0m\"");
            for (char c = 0; c < 0x20; c++) {
                String written = json(String.valueOf(c));
                assertThat(written.chars()).as("U+%04X", (int) c).allMatch(ch -> ch >= 0x20);
                assertThat(written).as("U+%04X", (int) c).matches("\"\\\\([bfnrt]|u00[01][0-9a-f])\"");
            }
        }

        @Test
        @DisplayName("U+2028 and U+2029 are escaped (JavaScript does not accept them raw)")
        void lineAndParagraphSeparators() {
            assertThat(json("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        }

        @Test
        @DisplayName("other non-ASCII text, surrogate pairs included, is written as it is")
        void nonAscii() {
            assertThat(json("dépôt 服务 😀 \u00a0\u2027\u202a")).isEqualTo("\"dépôt 服务 😀 \u00a0\u2027\u202a\"");
        }

        @Test
        @DisplayName("unpaired surrogates are escaped, as UTF-8 cannot encode them")
        void unpairedSurrogates() {
            assertThat(json("\ud800")).isEqualTo("\"\\ud800\"");
            assertThat(json("x\udc00y")).isEqualTo("\"x\\udc00y\"");
            assertThat(json("\udc00\ud800")).isEqualTo("\"\\udc00\\ud800\"");
            assertThat(json("\ud83d\ud83d\ude00")).isEqualTo("\"\\ud83d\ud83d\ude00\"");
        }

        @Test
        @DisplayName("the empty string is two quotes")
        void empty() {
            assertThat(json("")).isEqualTo("\"\"");
        }

        @Test
        @DisplayName("every escape reads back as the original string")
        void readsBack() throws Exception {
            StringBuilder all = new StringBuilder();
            for (char c = 0; c < 0x80; c++) {
                all.append(c);
            }
            all.append("\u2028\u2029\ud800\udfff😀é");
            String original = all.toString();

            assertThat(JACKSON.readValue(JsonWriter.write(original), String.class)).isEqualTo(original);
        }
    }

    @Nested
    @DisplayName("objects and arrays")
    class Containers {

        @Test
        @DisplayName("empty objects and arrays are {} and [], also when nested")
        void empty() {
            assertThat(JsonWriter.write(Map.of())).isEqualTo("{}\n");
            assertThat(JsonWriter.write(List.of())).isEqualTo("[]\n");
            assertThat(JsonWriter.write(map("a", Map.of(), "b", List.of(), "c", List.of(List.of(), Map.of()))))
                    .isEqualTo("""
                            {
                              "a": {},
                              "b": [],
                              "c": [
                                [],
                                {}
                              ]
                            }
                            """);
        }

        @Test
        @DisplayName("nested objects and arrays are indented by two spaces, one member or element per line")
        void nesting() {
            Map<String, Object> tree = map(
                    "versioning", map("tag", "{service}@{version}", "initial", "0.1.0", "bump-minor-pre-major", false),
                    "services", List.of(
                            map("path", "services/go-backend", "paths", List.of("services/go-backend/**", "!**/*.md"),
                                    "cd", map("staging", "go-backend-helm")),
                            map("path", "packages/kit", "image", null)),
                    "gitops", map("push-timeout", 300, "ratio", 0.5));

            assertThat(JsonWriter.write(tree)).isEqualTo("""
                    {
                      "versioning": {
                        "tag": "{service}@{version}",
                        "initial": "0.1.0",
                        "bump-minor-pre-major": false
                      },
                      "services": [
                        {
                          "path": "services/go-backend",
                          "paths": [
                            "services/go-backend/**",
                            "!**/*.md"
                          ],
                          "cd": {
                            "staging": "go-backend-helm"
                          }
                        },
                        {
                          "path": "packages/kit",
                          "image": null
                        }
                      ],
                      "gitops": {
                        "push-timeout": 300,
                        "ratio": 0.5
                      }
                    }
                    """);
        }

        @Test
        @DisplayName("a top-level array of scalars")
        void array() {
            assertThat(JsonWriter.write(Arrays.asList(1, "two", null, true))).isEqualTo("""
                    [
                      1,
                      "two",
                      null,
                      true
                    ]
                    """);
        }

        @Test
        @DisplayName("deep nesting indents by two spaces per level")
        void deep() {
            Object tree = List.of(List.of(List.of(map("k", List.of(1)))));

            assertThat(JsonWriter.write(tree)).isEqualTo("""
                    [
                      [
                        [
                          {
                            "k": [
                              1
                            ]
                          }
                        ]
                      ]
                    ]
                    """);
        }

        @Test
        @DisplayName("keys are escaped like strings")
        void keys() {
            assertThat(json(map("a\"b\n", 1, "", 2))).isEqualTo("{\n  \"a\\\"b\\n\": 1,\n  \"\": 2\n}");
        }

        @Test
        @DisplayName("members keep the map's iteration order: insertion order for a LinkedHashMap, not sorted")
        void insertionOrder() {
            assertThat(json(map("zeta", 1, "alpha", 2, "mid", 3)))
                    .isEqualTo("{\n  \"zeta\": 1,\n  \"alpha\": 2,\n  \"mid\": 3\n}");
            assertThat(json(Collections.unmodifiableMap(map("b", 1, "a", 2))))
                    .isEqualTo("{\n  \"b\": 1,\n  \"a\": 2\n}");
            assertThat(json(new TreeMap<>(map("b", 1, "a", 2)))).isEqualTo("{\n  \"a\": 2,\n  \"b\": 1\n}");
        }

        @Test
        @DisplayName("maps from Map.of and Map.copyOf, whose order changes from run to run, are written sorted")
        void immutableMapsSorted() {
            Map<String, Object> unordered = new HashMap<>();
            for (String key : List.of("k", "c", "x", "a", "q", "b")) {
                unordered.put(key, key.length());
            }
            String sorted = "{\n  \"a\": 1,\n  \"b\": 1,\n  \"c\": 1,\n  \"k\": 1,\n  \"q\": 1,\n  \"x\": 1\n}";

            assertThat(json(Map.copyOf(unordered))).isEqualTo(sorted);
            assertThat(json(Map.of("x", 1, "c", 1, "a", 1, "b", 1, "q", 1, "k", 1))).isEqualTo(sorted);
        }

        @Test
        @DisplayName("the same tree always gives the same text")
        void stable() {
            Map<String, Object> tree = map("b", List.of(map("y", 1, "x", 2)), "a", Map.of("n", 1, "m", 2));

            assertThat(JsonWriter.write(tree)).isEqualTo(JsonWriter.write(tree))
                    .isEqualTo(JsonWriter.write(map("b", List.of(map("y", 1, "x", 2)), "a", Map.of("m", 2, "n", 1))));
        }

        @Test
        @DisplayName("the output reads back as the same tree, order included")
        void readsBack() throws Exception {
            Map<String, Object> tree = map("z", List.of(1, 2.5, "s", true, false), "a", map("nested", map()),
                    "n", null, "big", Long.MAX_VALUE);

            Object read = JACKSON.readValue(JsonWriter.write(tree), Object.class);

            assertThat(read).isEqualTo(tree);
            assertThat(List.copyOf(((Map<?, ?>) read).keySet())).isEqualTo(List.of("z", "a", "n", "big"));
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        @Test
        @DisplayName("a key that is not a string is refused")
        void nonStringKey() {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(1, "one");
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(map))
                    .withMessageContaining("keys must be strings");
            Map<Object, Object> nullKey = new HashMap<>();
            nullKey.put(null, "x");
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(nullKey))
                    .withMessageContaining("keys must be strings");
        }

        @Test
        @DisplayName("a type outside the tree's types is refused, not written with toString")
        void unsupportedTypes() {
            for (Object value : List.of(Optional.of(1), Set.of("a"), 'c', new Object(), new int[] {1},
                    Thread.State.NEW)) {
                assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(List.of(value)))
                        .withMessageContaining(value.getClass().getName());
            }
        }

        @Test
        @DisplayName("a tree that contains itself is refused instead of overflowing the stack")
        void cycles() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("self", map);
            List<Object> list = new ArrayList<>();
            list.add(List.of(list));

            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(map))
                    .withMessageContaining("contains itself");
            assertThatIllegalArgumentException().isThrownBy(() -> JsonWriter.write(list))
                    .withMessageContaining("contains itself");
        }

        @Test
        @DisplayName("the same container twice, not nested in itself, is no cycle")
        void sharedContainer() {
            List<Object> shared = List.of(1);

            assertThat(json(map("a", shared, "b", shared))).isEqualTo("{\n  \"a\": [\n    1\n  ],\n  \"b\": [\n    1\n  ]\n}");
        }
    }
}
