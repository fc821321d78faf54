package dev.slipway.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A random YAML file in the shapes values files take, with its model: what each document loads as, and
 * which values carry the marker of {@link #TARGET}. Generated together, so the model is the oracle: the
 * rendered text must load as {@link #documents()}, and after an edit as the model with the marked values
 * replaced.
 *
 * <p>Variety: nested block mappings and sequences (items that are mappings start on the dash line), flow
 * collections, plain, single- and double-quoted scalars (with escapes and {@code #} inside), literal and
 * folded block scalars whose text holds marker lookalikes, anchors and aliases, own-line and inline comments
 * (other services' markers, near misses), blank lines, 2 or 4 spaces of indentation, several documents,
 * LF or CRLF, a BOM, a missing final newline, spaces or tabs before the marker.
 */
final class RandomValuesFile {

    static final String TARGET = "staging_services/svc";
    static final String DECOY = "staging_services/svc-api";
    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    private static final String[] WORDS = {"alpha", "image", "tag", "repo", "nginx", "web", "api", "x", "config",
        "enabled", "port", "path", "v1", "release", "cpu", "memory", "name", "value", "hosts", "a-b", "c.d"};

    /** A scalar as written and as loaded. */
    record Scalar(Object value, String text, boolean editable) {
    }

    /** A path to a value: document index, then map keys (String) and list indexes (Integer). */
    record Marked(List<Object> path, int line) {
    }

    private final Random random;
    private final int indentStep;
    private final StringBuilder out = new StringBuilder();
    private final List<Object> documents = new ArrayList<>();
    private final List<Marked> marked = new ArrayList<>();
    private final Map<String, Object> anchors = new LinkedHashMap<>();
    private int line = 1;
    private int anchorCount;
    private final String lineBreak;
    private final boolean bom;
    private String text;

    private RandomValuesFile(Random random) {
        this.random = random;
        this.indentStep = random.nextBoolean() ? 2 : 4;
        this.lineBreak = random.nextInt(4) == 0 ? "\r\n" : "\n";
        this.bom = random.nextInt(8) == 0;
    }

    static RandomValuesFile generate(Random random) {
        RandomValuesFile f = new RandomValuesFile(random);
        f.render();
        return f;
    }

    /** The file's text (BOM, line breaks and final newline as chosen). */
    String text() {
        return text;
    }

    /** What each document loads as. */
    List<Object> documents() {
        return documents;
    }

    /** The values marked with {@link #TARGET}. */
    List<Marked> marked() {
        return marked;
    }

    /** The documents with every marked value replaced. */
    List<Object> documentsWith(String newValue) {
        List<Object> copy = deepCopy(documents);
        for (Marked m : marked) {
            Object node = copy.get((Integer) m.path().get(0));
            for (int i = 1; i < m.path().size() - 1; i++) {
                node = step(node, m.path().get(i));
            }
            Object last = m.path().get(m.path().size() - 1);
            if (node instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> mm = (Map<Object, Object>) map;
                mm.put(last, newValue);
            }
        }
        return copy;
    }

    private static Object step(Object node, Object key) {
        return node instanceof Map<?, ?> m ? m.get(key) : ((List<?>) node).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, deepCopy(v)));
            return (T) c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(deepCopy(v)));
            return (T) c;
        }
        return o;
    }

    // ---------------------------------------------------------------- rendering

    private void render() {
        int docs = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        if (random.nextInt(4) == 0) {
            emit("---");
        }
        for (int d = 0; d < docs; d++) {
            if (d > 0) {
                if (random.nextBoolean()) {
                    emit("...");
                }
                emit("---" + (random.nextInt(3) == 0 ? " # document " + d : ""));
            }
            anchors.clear(); // anchors are local to a document
            Map<String, Object> doc = new LinkedHashMap<>();
            List<Object> path = new ArrayList<>(List.of(d));
            mapping(doc, 0, path, 0, false);
            if (d == 0 && marked.isEmpty()) {
                markedEntry(doc, 0, path, "guaranteed");
            }
            documents.add(doc);
        }
        boolean finalNewline = random.nextInt(5) != 0;
        if (!finalNewline) {
            // a block scalar would lose its last line break with the file's: end on a plain entry
            Map<String, Object> last = castMap(documents.get(documents.size() - 1));
            String key = "zz-end";
            last.put(key, "end");
            emit(key + ": end");
        }
        String s = out.toString();
        if (!finalNewline) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replace("\n", lineBreak);
        text = (bom ? "\uFEFF" : "") + s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private void emit(String s) {
        out.append(s).append('\n');
        line++;
    }

    private String indent(int n) {
        return " ".repeat(n);
    }

    private String key(Map<String, ?> existing) {
        for (;;) {
            String k = WORDS[random.nextInt(WORDS.length)] + (random.nextInt(3) == 0 ? "_" + random.nextInt(100) : "");
            if (!existing.containsKey(k) && Tag.STR.equals(CORE.resolve(k, Boolean.TRUE))) {
                return k;
            }
        }
    }

    /**
     * A block mapping at {@code indent}; when {@code dashFirst}, its first line starts with {@code "- "} at
     * {@code indent - 2} (a sequence item).
     */
    private void mapping(Map<String, Object> map, int indent, List<Object> path, int depth, boolean dashFirst) {
        int entries = 1 + random.nextInt(depth == 0 ? 7 : 4);
        for (int e = 0; e < entries; e++) {
            String prefix = e == 0 && dashFirst ? indent(indent - 2) + "- " : indent(indent);
            if (!(e == 0 && dashFirst)) {
                if (random.nextInt(6) == 0) {
                    emit(indent(indent) + "# " + comment());
                }
                if (random.nextInt(8) == 0) {
                    emit("");
                }
            }
            String key = key(map);
            List<Object> childPath = new ArrayList<>(path);
            childPath.add(key);
            int kind = random.nextInt(depth >= 3 ? 3 : 10);
            switch (kind) {
                case 0, 1, 2 -> {
                    if (random.nextInt(3) == 0) {
                        markedOrDecoy(map, prefix, key, childPath);
                    } else {
                        Scalar s = scalar(true);
                        map.put(key, s.value());
                        emit(prefix + key + ":" + gap() + s.text() + inlineComment());
                    }
                }
                case 3, 4 -> {
                    Map<String, Object> child = new LinkedHashMap<>();
                    emit(prefix + key + ":" + inlineComment());
                    mapping(child, indent + indentStep, childPath, depth + 1, false);
                    map.put(key, child);
                }
                case 5 -> {
                    List<Object> child = new ArrayList<>();
                    emit(prefix + key + ":" + inlineComment());
                    boolean indented = random.nextBoolean();
                    sequence(child, indented ? indent + indentStep : indent, childPath, depth + 1);
                    map.put(key, child);
                }
                case 6 -> flow(map, prefix, key);
                case 7 -> blockScalar(map, prefix, key, indent);
                case 8 -> anchorOrAlias(map, prefix, key);
                default -> {
                    Scalar s = scalar(true);
                    map.put(key, s.value());
                    emit(prefix + key + ":" + gap() + s.text());
                }
            }
        }
    }

    private void sequence(List<Object> list, int indent, List<Object> path, int depth) {
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            List<Object> childPath = new ArrayList<>(path);
            childPath.add(i);
            if (random.nextBoolean() && depth < 4) {
                Map<String, Object> child = new LinkedHashMap<>();
                mapping(child, indent + 2, childPath, depth + 1, true);
                list.add(child);
            } else {
                Scalar s = scalar(true);
                list.add(s.value());
                emit(indent(indent) + "- " + s.text() + inlineComment());
            }
        }
    }

    private void markedOrDecoy(Map<String, Object> map, String prefix, String key, List<Object> path) {
        if (random.nextInt(3) == 0) {
            Scalar s = versionScalar();
            map.put(key, s.value());
            emit(prefix + key + ":" + gap() + s.text() + gap() + "# " + DECOY);
            return;
        }
        Scalar s = versionScalar();
        map.put(key, s.value());
        marked.add(new Marked(List.copyOf(path), line));
        String hash = random.nextInt(4) == 0 ? "#" : "# ";
        String trailing = random.nextInt(5) == 0 ? (random.nextBoolean() ? "  " : "\t") : "";
        emit(prefix + key + ":" + gap() + s.text() + gap() + hash + TARGET + trailing);
    }

    private void markedEntry(Map<String, Object> map, int indent, List<Object> docPath, String key) {
        Scalar s = versionScalar();
        map.put(key, s.value());
        List<Object> path = new ArrayList<>(docPath);
        path.add(key);
        marked.add(new Marked(path, line));
        emit(indent(indent) + key + ": " + s.text() + " # " + TARGET);
    }

    private void flow(Map<String, Object> map, String prefix, String key) {
        if (random.nextBoolean()) {
            List<Object> items = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                Scalar s = scalar(false);
                items.add(s.value());
                texts.add(s.text());
            }
            map.put(key, items);
            emit(prefix + key + ": [" + String.join(", ", texts) + "]" + inlineComment());
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> texts = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                String k = key(m);
                Scalar s = scalar(false);
                m.put(k, s.value());
                texts.add(k + ": " + s.text());
            }
            map.put(key, m);
            emit(prefix + key + ": {" + String.join(", ", texts) + "}" + inlineComment());
        }
    }

    private void blockScalar(Map<String, Object> map, String prefix, String key, int indent) {
        boolean literal = random.nextBoolean();
        String body = random.nextBoolean() ? "tag: 1.0.0 # " + TARGET : "run --flag # " + TARGET + " x";
        if (literal) {
            String second = "echo done";
            emit(prefix + key + ": |" + inlineComment());
            emit(indent(indent + indentStep) + body);
            emit(indent(indent + indentStep) + second);
            map.put(key, body + "\n" + second + "\n");
        } else {
            emit(prefix + key + ": >" + inlineComment());
            emit(indent(indent + indentStep) + body);
            map.put(key, body + "\n");
        }
    }

    private void anchorOrAlias(Map<String, Object> map, String prefix, String key) {
        if (!anchors.isEmpty() && random.nextBoolean()) {
            List<String> names = new ArrayList<>(anchors.keySet());
            String name = names.get(random.nextInt(names.size()));
            map.put(key, anchors.get(name));
            emit(prefix + key + ": *" + name + inlineComment());
        } else {
            String name = "a" + anchorCount++;
            Scalar s = scalar(true);
            anchors.put(name, s.value());
            map.put(key, s.value());
            emit(prefix + key + ": &" + name + " " + s.text() + inlineComment());
        }
    }

    private Scalar versionScalar() {
        String v = random.nextInt(3) + "." + random.nextInt(30) + "." + random.nextInt(10)
                + (random.nextBoolean() ? "-rc" + String.format("%04d", random.nextInt(10000)) + "-g"
                        + Integer.toHexString(0x1000000 + random.nextInt(0xffffff)).substring(0, 7) : "");
        return switch (random.nextInt(4)) {
            case 0 -> new Scalar(v, "'" + v + "'", true);
            case 1 -> new Scalar(v, "\"" + v + "\"", true);
            case 2 -> new Scalar(v, "\"" + v.replace(".", "\\x2e") + "\"", true);
            default -> new Scalar(v, v, true);
        };
    }

    /** A scalar; in flow context ({@code block == false}) plain text avoids ',', '[', ']', '{', '}'. */
    private Scalar scalar(boolean block) {
        switch (random.nextInt(9)) {
            case 0 -> {
                int n = random.nextInt(100000);
                return new Scalar(n, Integer.toString(n), false);
            }
            case 1 -> {
                boolean b = random.nextBoolean();
                return new Scalar(b, Boolean.toString(b), false);
            }
            case 2 -> {
                return new Scalar(null, random.nextBoolean() ? "null" : "~", false);
            }
            case 3 -> {
                String s = words() + " # " + TARGET + " it's";
                return new Scalar(s, "'" + s.replace("'", "''") + "'", true);
            }
            case 4 -> {
                String s = words() + " \"quoted\" \\ # " + TARGET + "\t\u00e9\u2603";
                String escaped = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                        .replace("\u2603", "\\u2603");
                return new Scalar(s, "\"" + escaped + "\"", true);
            }
            case 5 -> {
                String s = "1.20";
                return new Scalar(s, random.nextBoolean() ? "\"1.20\"" : "'1.20'", true);
            }
            default -> {
                String s = words();
                if (!Tag.STR.equals(CORE.resolve(s, Boolean.TRUE))) {
                    return new Scalar(s, "'" + s + "'", true);
                }
                return new Scalar(s, s, true);
            }
        }
    }

    private String words() {
        int n = 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private String gap() {
        return switch (random.nextInt(6)) {
            case 0 -> "   ";
            case 1 -> "\t";
            default -> " ";
        };
    }

    private String inlineComment() {
        return switch (random.nextInt(10)) {
            case 0 -> gap() + "# " + comment();
            case 1 -> gap() + "# " + DECOY;
            case 2 -> gap() + "# " + TARGET + " (not a marker: more text)";
            default -> "";
        };
    }

    private String comment() {
        return switch (random.nextInt(4)) {
            case 0 -> "tag: 0.0.1 # " + TARGET + "-old";
            case 1 -> "## @param image.tag the tag";
            case 2 -> "\u00e9t\u00e9 \u2603";
            default -> words();
        };
    }
}
