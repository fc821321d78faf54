package dev.slipway.tck;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of SemVer 2.0.0, written from the specification and not from {@code Version}:
 * validity by the regular expression semver.org suggests, precedence by §11 applied to the text.
 */
final class SemVerOracle {

    /** semver.org's suggested expression, with {@code \d} spelled {@code [0-9]} (Java's {@code \d} is ASCII too). */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private SemVerOracle() {
    }

    static boolean isValid(String text) {
        return SEMVER.matcher(text).matches();
    }

    /**
     * §11: compare MAJOR, MINOR, PATCH numerically; a pre-release has lower precedence than the release;
     * pre-release identifiers compare left to right, numeric ones numerically, alphanumeric ones in ASCII
     * order, numeric below alphanumeric, and a larger set wins when all before are equal. Build metadata
     * does not count.
     */
    static int precedence(String a, String b) {
        Matcher x = parts(a);
        Matcher y = parts(b);
        for (int group = 1; group <= 3; group++) {
            int c = new BigInteger(x.group(group)).compareTo(new BigInteger(y.group(group)));
            if (c != 0) {
                return c;
            }
        }
        String px = x.group(4);
        String py = y.group(4);
        if (px == null || py == null) {
            return px == null ? (py == null ? 0 : 1) : -1;
        }
        String[] ix = px.split("\\.");
        String[] iy = py.split("\\.");
        for (int i = 0; i < ix.length && i < iy.length; i++) {
            int c = identifier(ix[i], iy[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ix.length, iy.length);
    }

    private static int identifier(String a, String b) {
        boolean na = NUMERIC.matcher(a).matches();
        boolean nb = NUMERIC.matcher(b).matches();
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        // ASCII order: every character is ASCII here, so UTF-16 code unit order is ASCII order
        for (int i = 0; i < a.length() && i < b.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) - b.charAt(i);
            }
        }
        return a.length() - b.length();
    }

    private static Matcher parts(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not SemVer: " + text);
        }
        return m;
    }
}
