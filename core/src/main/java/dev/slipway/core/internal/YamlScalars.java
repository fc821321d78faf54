package dev.slipway.core.internal;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writing a scalar in a given quoting style, and deciding whether a value can be written plain: it can
 * when every common reader loads it back as the same string, under YAML 1.2's core schema (SnakeYAML
 * Engine, go-yaml v3) and YAML 1.1's implicit types (go-yaml v2 as Helm uses it, PyYAML): {@code 1.20},
 * {@code 1e5}, {@code 0x1F}, {@code 1_000}, {@code 017}, {@code on}, {@code no}, {@code y}, {@code null},
 * {@code 2024-01-31} are written double-quoted.
 */
public final class YamlScalars {

    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

    /** YAML 1.1 booleans and nulls (yaml.org/type/bool, /null). */
    private static final Pattern YAML11_WORDS = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
                    + "|null|Null|NULL|~");
    /** YAML 1.1 ints (binary, octal, decimal, hex, sexagesimal; underscores allowed). */
    private static final Pattern YAML11_INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    /** YAML 1.1 floats as readers implement them, plus exponents without a dot (go-yaml accepts those). */
    private static final Pattern YAML11_FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    /** YAML 1.1 timestamps (a date, optionally with a time). */
    private static final Pattern YAML11_TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+).*)?");
    /** Characters that are safe anywhere in a plain scalar of one line (no indicators, no spaces). */
    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9_./+=-][A-Za-z0-9_./+=:@-]*");

    private YamlScalars() {
    }

    /**
     * Whether a value written plain loads back as this string in every common reader.
     *
     * @param value the value
     * @return true if it can be written without quotes
     */
    public static boolean plainSafe(String value) {
        if (value.isEmpty() || !SAFE_PLAIN.matcher(value).matches() || value.endsWith(":")) {
            return false;
        }
        if (value.equals("=") || value.equals("-") || value.startsWith("<<")) {
            return false;
        }
        if (!Tag.STR.equals(CORE.resolve(value, Boolean.TRUE))) {
            return false;
        }
        return !(YAML11_WORDS.matcher(value).matches() || YAML11_INT.matcher(value).matches()
                || YAML11_FLOAT.matcher(value).matches() || YAML11_TIMESTAMP.matcher(value).matches());
    }

    /**
     * The text of a value in a quoting style, the way a value of that style is replaced: plain stays plain
     * unless the value is not {@link #plainSafe}, then it is double-quoted; quoted styles keep their quotes.
     *
     * @param value the new value
     * @param style the style of the value it replaces (plain, single- or double-quoted)
     * @return the scalar's text, quotes included
     */
    public static String format(String value, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED && singleQuotable(value)) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (style == ScalarStyle.PLAIN && plainSafe(value)) {
            return value;
        }
        return doubleQuoted(value);
    }

    /**
     * The style a value ends up in when it replaces a value of the given style.
     *
     * @param value the new value
     * @param style the style of the value it replaces
     * @return the resulting style
     */
    public static ScalarStyle resultingStyle(String value, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED && singleQuotable(value)) {
            return ScalarStyle.SINGLE_QUOTED;
        }
        if (style == ScalarStyle.PLAIN && plainSafe(value)) {
            return ScalarStyle.PLAIN;
        }
        return ScalarStyle.DOUBLE_QUOTED;
    }

    /** Single quotes cannot escape line breaks or other control characters. */
    private static boolean singleQuotable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                return false;
            }
        }
        return true;
    }

    /**
     * A double-quoted scalar: {@code "}, {@code \} and control characters escaped.
     *
     * @param value the value
     * @return the scalar's text, quotes included
     */
    public static String doubleQuoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
