package dev.slipway.core.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path glob with git's wildmatch semantics, anchored at the repository root: {@code *} and {@code ?}
 * never cross {@code /}; {@code **} as a whole segment matches zero or more directories ({@code **}/x,
 * a/{@code **}/b) or everything below (a/{@code **}); {@code [abc]}, {@code [a-z]}, {@code [!a]} classes;
 * {@code {a,b}} alternatives; dotfiles match like any other name; case-sensitive. A pattern without any
 * glob character names a file or a directory: it matches that path and everything below it, on whole
 * segments ({@code services/web} does not match {@code services/web-api/x}).
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;
    private final String literalPrefix;

    private Glob(String pattern, Pattern regex, String literalPrefix) {
        this.pattern = pattern;
        this.regex = regex;
        this.literalPrefix = literalPrefix;
    }

    /**
     * Compiles a glob.
     *
     * @param pattern the glob, repo-relative, {@code /} separators, no leading {@code !}
     * @return the compiled glob
     * @throws IllegalArgumentException with a message that says what is wrong and how to write it
     */
    public static Glob compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String problem = problem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        StringBuilder re = new StringBuilder();
        if (!hasGlobChars(pattern)) {
            re.append(Pattern.quote(pattern)).append("(?:/.*)?");
        } else {
            translate(pattern, re);
        }
        return new Glob(pattern, Pattern.compile(re.toString(), Pattern.DOTALL), literalPrefix(pattern));
    }

    /**
     * Why a pattern is not a valid glob, or null when it is.
     *
     * @param pattern the glob
     * @return the problem with a fix, or null
     */
    public static String problem(String pattern) {
        if (pattern.isEmpty()) {
            return "the pattern is empty";
        }
        if (pattern.startsWith("/")) {
            return "the pattern starts with '/'; patterns are relative to the repository root, write it without the leading '/'";
        }
        if (pattern.startsWith("./")) {
            return "the pattern starts with './'; write it without './'";
        }
        if (pattern.endsWith("/") ) {
            return "the pattern ends with '/'; a directory name without glob characters already matches everything"
                    + " below it (or write dir/**)";
        }
        if (pattern.indexOf('\\') >= 0) {
            return "the pattern contains a backslash; use '/' between directories (escapes are not supported)";
        }
        if (pattern.contains("//")) {
            return "the pattern contains '//'";
        }
        for (String segment : pattern.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "the pattern has a '" + segment + "' segment; patterns are normalized repo-relative paths";
            }
        }
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '[') {
                int end = classEnd(pattern, i);
                if (end < 0) {
                    return "the '[' at index " + i + " is not closed by ']'";
                }
                i = end;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return "the '}' at index " + i + " closes no '{'";
                }
                depth--;
            } else if (c == ']') {
                return "the ']' at index " + i + " closes no '['";
            }
        }
        if (depth != 0) {
            return "a '{' is not closed by '}'";
        }
        return null;
    }

    private static boolean hasGlobChars(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static String literalPrefix(String p) {
        int i = 0;
        int lastSlash = -1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return lastSlash < 0 ? "" : p.substring(0, lastSlash + 1);
            }
            if (c == '/') {
                lastSlash = i;
            }
            i++;
        }
        return p;
    }

    /** Index of the ']' closing the class that opens at {@code open}, or -1. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ']' is a literal member
        }
        while (i < p.length()) {
            if (p.charAt(i) == ']') {
                return i;
            }
            if (p.charAt(i) == '/') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static void translate(String p, StringBuilder re) {
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            boolean segmentStart = i == 0 || p.charAt(i - 1) == '/';
            if (c == '*' && i + 1 < n && p.charAt(i + 1) == '*' && segmentStart
                    && (i + 2 == n || p.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    // trailing '**': everything (below the prefix, or anything at all)
                    re.append(".*");
                    i += 2;
                } else {
                    // '**/': zero or more directories
                    re.append("(?:[^/]*/)*");
                    i += 3;
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    while (i + 1 < n && p.charAt(i + 1) == '*') {
                        i++; // '**' inside a segment acts like '*'
                    }
                    re.append("[^/]*");
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = classEnd(p, i);
                    String body = p.substring(i + 1, end);
                    boolean negate = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
                    if (negate) {
                        body = body.substring(1);
                    }
                    re.append(negate ? "[^/" : "(?:(?!/)[");
                    for (int k = 0; k < body.length(); k++) {
                        char b = body.charAt(k);
                        if (b == '\\' || b == '[' || b == '&' || b == '^' || (b == ']')) {
                            re.append('\\');
                        }
                        re.append(b);
                    }
                    re.append(negate ? "]" : "])");
                    i = end;
                }
                case '{' -> {
                    int close = braceEnd(p, i);
                    re.append("(?:");
                    int start = i + 1;
                    int depth = 0;
                    for (int k = i + 1; k < close; k++) {
                        char b = p.charAt(k);
                        if (b == '{') {
                            depth++;
                        } else if (b == '}') {
                            depth--;
                        } else if (b == ',' && depth == 0) {
                            translate(p.substring(start, k), re);
                            re.append('|');
                            start = k + 1;
                        }
                    }
                    if (start <= close) {
                        translateFragment(p.substring(start, close), re);
                    }
                    re.append(')');
                    i = close;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
    }

    private static void translateFragment(String fragment, StringBuilder re) {
        if (!fragment.isEmpty()) {
            translate(fragment, re);
        }
    }

    private static int braceEnd(String p, int open) {
        int depth = 0;
        for (int k = open; k < p.length(); k++) {
            char b = p.charAt(k);
            if (b == '[') {
                k = classEnd(p, k);
            } else if (b == '{') {
                depth++;
            } else if (b == '}') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        throw new IllegalStateException("unbalanced braces in " + p);
    }

    /**
     * Whether a repo-relative path matches.
     *
     * @param path a repo-relative path with {@code /} separators
     * @return true if it matches
     */
    public boolean matches(String path) {
        return path.startsWith(literalPrefix) && regex.matcher(path).matches();
    }

    /**
     * The longest leading directory part without glob characters (ending in {@code /}), or the whole
     * pattern when it has none; every matching path starts with it.
     *
     * @return the literal prefix
     */
    public String literalPrefix() {
        return literalPrefix;
    }

    /**
     * The pattern text.
     *
     * @return the pattern
     */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
