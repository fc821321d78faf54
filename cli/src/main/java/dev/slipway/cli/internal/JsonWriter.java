package dev.slipway.cli.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as pretty-printed JSON (RFC 8259).
 *
 * <p>The output is indented by two spaces, puts one member or element per line, writes empty objects
 * and arrays as {@code {}} and {@code []}, and ends with a newline. Object members come in the map's
 * iteration order (so a {@link java.util.LinkedHashMap} keeps its order); maps made by {@code Map.of}
 * and {@code Map.copyOf}, whose iteration order changes from one run to the next, are written with
 * their keys sorted so that the output is stable. Strings escape {@code "} and {@code \}, every control
 * character below U+0020 (as {@code \b \f \n \r \t}, or <code>&#92;u00XX</code>), U+2028 and U+2029 (which
 * JavaScript does not accept raw) and unpaired surrogates (which UTF-8 cannot encode); everything else
 * is written as is.
 */
final class JsonWriter {

    private static final String INDENT = "  ";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final StringBuilder out = new StringBuilder();
    /** The maps and lists being written, to refuse cycles instead of overflowing the stack. */
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private JsonWriter() {
    }

    /**
     * Writes a value as a JSON document.
     *
     * @param value a {@link Map} with {@link String} keys, a {@link List}, a {@link String}, a finite
     *     {@link Number}, a {@link Boolean} or null, nested to any depth
     * @return the document, ending with a newline
     * @throws IllegalArgumentException if the tree holds another type, a non-string key, a non-finite
     *     number or a cycle
     */
    static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            string(string);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            number(number);
        } else if (value instanceof Map<?, ?> map) {
            enter(map);
            object(map, depth);
            open.remove(map);
        } else if (value instanceof List<?> list) {
            enter(list);
            array(list, depth);
            open.remove(list);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + " as JSON: expected a Map, List, String, Number, Boolean or null");
        }
    }

    private void enter(Object container) {
        if (!open.add(container)) {
            throw new IllegalArgumentException("cannot write a " + container.getClass().getName()
                    + " that contains itself as JSON");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, ?>> members = members(map);
        out.append("{\n");
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, ?> member = members.get(i);
            indent(depth + 1);
            string(member.getKey());
            out.append(": ");
            value(member.getValue(), depth + 1);
            out.append(i < members.size() - 1 ? ",\n" : "\n");
        }
        indent(depth);
        out.append('}');
    }

    private static List<Map.Entry<String, ?>> members(Map<?, ?> map) {
        List<Map.Entry<String, ?>> members = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("cannot write the key " + entry.getKey()
                        + (entry.getKey() == null ? "" : " (a " + entry.getKey().getClass().getName() + ")")
                        + " as JSON: object keys must be strings");
            }
            members.add(new AbstractMap.SimpleImmutableEntry<>(key, entry.getValue()));
        }
        if (map.getClass().getName().startsWith("java.util.ImmutableCollections$")) {
            members.sort(Comparator.comparing(Map.Entry::getKey));
        }
        return members;
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        int i = 0;
        for (Object element : list) {
            indent(depth + 1);
            value(element, depth + 1);
            out.append(++i < list.size() ? ",\n" : "\n");
        }
        indent(depth);
        out.append(']');
    }

    private void number(Number number) {
        if (number instanceof Double d && !Double.isFinite(d) || number instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("cannot write " + number + " as JSON: JSON numbers are finite");
        }
        String text = number.toString();
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("cannot write the " + number.getClass().getName() + " " + text
                    + " as JSON: it is not a JSON number");
        }
        out.append(text);
    }

    private void string(String string) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> unicodeEscape(c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < string.length()
                            && Character.isLowSurrogate(string.charAt(i + 1))) {
                        out.append(c).append(string.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }

    private void indent(int depth) {
        out.append(INDENT.repeat(depth));
    }
}
