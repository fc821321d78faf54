package dev.slipway.core.internal;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.InvalidVersionException;
import dev.slipway.api.Version;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * The versions file {@code .slipway/versions.json}: a JSON object from service path to released version,
 * written with sorted keys, two-space indentation and a final newline (like Release Please's manifest).
 */
public final class VersionsFile {

    private static final int MAX_BYTES = 1 << 20;

    private VersionsFile() {
    }

    /**
     * Reads the file's text.
     *
     * @param path the file's path, for messages
     * @param text the JSON text
     * @return the versions by service path, sorted
     * @throws InvalidInputException if the text is not a JSON object of strings to versions {@code X.Y.Z}
     */
    public static Map<String, Version> parse(String path, String text) {
        if (text.length() > MAX_BYTES) {
            throw new InvalidInputException(path, path + " is over 1 MiB; it holds one \"service\": \"X.Y.Z\" entry per service");
        }
        Object tree;
        try {
            LoadSettings settings = LoadSettings.builder().setSchema(new JsonSchema()).setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(0).setLabel(path).build();
            tree = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new InvalidInputException(path, path + " is not valid JSON (" + firstLine(e.getMessage())
                    + "); expected an object such as {\"services/web\": \"1.2.3\"}", e);
        }
        if (tree == null) {
            return new TreeMap<>();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidInputException(path, path + " holds a " + kind(tree)
                    + ", not an object; expected {\"services/web\": \"1.2.3\", ...}");
        }
        Map<String, Version> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof String value)) {
                throw new InvalidInputException(path, path + ": the entry " + e.getKey() + " holds a "
                        + kind(e.getValue()) + "; expected a service path mapped to a version string \"X.Y.Z\"");
            }
            Version v;
            try {
                v = Version.parse(value);
            } catch (InvalidVersionException ex) {
                throw new InvalidInputException(path, path + ": the entry \"" + key + "\" holds \"" + value
                        + "\", which is not a version X.Y.Z; fix or remove the entry", ex);
            }
            if (v.isPrerelease() || !v.build().isEmpty()) {
                throw new InvalidInputException(path, path + ": the entry \"" + key + "\" holds \"" + value
                        + "\", but released versions are X.Y.Z without pre-release or build parts");
            }
            out.put(key, v);
        }
        return out;
    }

    /**
     * Writes the file's text.
     *
     * @param versions the versions by service path
     * @return the JSON text, sorted by service, ending with a newline
     */
    public static String format(Map<String, Version> versions) {
        Map<String, Version> sorted = new TreeMap<>(versions);
        if (sorted.isEmpty()) {
            return "{}\n";
        }
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Version> e : sorted.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": ").append(quote(e.getValue().toString()))
                    .append(++i < sorted.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String kind(Object o) {
        return o == null ? "null" : o instanceof Map ? "object" : o instanceof java.util.List ? "list"
                : o instanceof String ? "string" : o instanceof Boolean ? "boolean" : "number";
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
