package dev.slipway.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A version as Semantic Versioning 2.0.0 defines it: {@code MAJOR.MINOR.PATCH}, an optional
 * pre-release ({@code -rc.1}) and optional build metadata ({@code +build.5}).
 *
 * <p>Numeric identifiers have no size limit ({@code 99999999999999999999999.999999999999999999.99999999999999999}
 * is valid), must not carry leading zeros, and are compared as numbers. Text is taken exactly: no
 * {@code v} prefix, no surrounding whitespace.
 *
 * <p>Two orders exist. {@link #PRECEDENCE} is SemVer precedence exactly (build metadata ignored, so
 * {@code 1.0.0+a} and {@code 1.0.0+b} are equal under it). {@link #compareTo} is precedence with build
 * metadata breaking ties only, so that it is consistent with {@link #equals}: equal versions are the
 * same text.
 *
 * @param major the major version, not negative
 * @param minor the minor version, not negative
 * @param patch the patch version, not negative
 * @param prerelease the pre-release identifiers, empty for none
 * @param build the build metadata identifiers, empty for none
 */
public record Version(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, List<String> build)
        implements Comparable<Version> {

    /** SemVer 2.0.0 precedence: build metadata is ignored. Not consistent with {@link #equals}. */
    public static final Comparator<Version> PRECEDENCE = Version::comparePrecedence;

    /**
     * Validates and freezes the parts.
     *
     * @param major the major version, not negative
     * @param minor the minor version, not negative
     * @param patch the patch version, not negative
     * @param prerelease the pre-release identifiers, empty for none; copied
     * @param build the build metadata identifiers, empty for none; copied
     * @throws InvalidVersionException if a number is negative or an identifier breaks SemVer's grammar
     */
    public Version {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(patch, "patch");
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
        if (major.signum() < 0 || minor.signum() < 0 || patch.signum() < 0) {
            String text = major + "." + minor + "." + patch;
            throw new InvalidVersionException(text,
                    "invalid version \"" + text + "\": major, minor and patch must not be negative");
        }
        for (String id : prerelease) {
            String problem = identifierProblem(id, true);
            if (problem != null) {
                throw new InvalidVersionException(id, "invalid pre-release identifier \"" + id + "\": " + problem);
            }
        }
        for (String id : build) {
            String problem = identifierProblem(id, false);
            if (problem != null) {
                throw new InvalidVersionException(id, "invalid build identifier \"" + id + "\": " + problem);
            }
        }
    }

    /**
     * The release version {@code major.minor.patch}.
     *
     * @param major the major version, not negative
     * @param minor the minor version, not negative
     * @param patch the patch version, not negative
     * @return the version
     * @throws InvalidVersionException if a number is negative
     */
    public static Version of(long major, long minor, long patch) {
        return new Version(BigInteger.valueOf(major), BigInteger.valueOf(minor), BigInteger.valueOf(patch),
                List.of(), List.of());
    }

    /**
     * Parses SemVer 2.0.0 text.
     *
     * @param text the version, for example {@code 1.2.3}, {@code 1.0.0-rc.1+build.5}
     * @return the version
     * @throws InvalidVersionException naming the input and the rule it breaks
     * @throws NullPointerException if {@code text} is null
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw invalid(text, "it is empty; expected MAJOR.MINOR.PATCH such as 1.2.3");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw invalid(text, "it contains whitespace at index " + i + "; write the version alone, such as 1.2.3");
            }
        }
        if ((text.charAt(0) == 'v' || text.charAt(0) == 'V') && text.length() > 1 && isDigits(text.substring(1, 2))) {
            throw invalid(text, "a '" + text.charAt(0) + "' prefix is not part of SemVer; write " + text.substring(1));
        }
        String rest = text;
        List<String> build = List.of();
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            build = identifiers(text, rest.substring(plus + 1), false);
            rest = rest.substring(0, plus);
        }
        List<String> prerelease = List.of();
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            prerelease = identifiers(text, rest.substring(dash + 1), true);
            rest = rest.substring(0, dash);
        }
        String[] core = rest.split("\\.", -1);
        if (core.length != 3) {
            throw invalid(text, "expected MAJOR.MINOR.PATCH (three numbers separated by dots), found "
                    + core.length + (core.length == 1 ? " part" : " parts") + " in \"" + rest + "\"");
        }
        String[] names = {"major", "minor", "patch"};
        BigInteger[] numbers = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            String part = core[i];
            if (part.isEmpty()) {
                throw invalid(text, "the " + names[i] + " version is empty");
            }
            if (!isDigits(part)) {
                throw invalid(text, "the " + names[i] + " version \"" + part + "\" is not a number (digits 0-9 only)");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw invalid(text, "the " + names[i] + " version \"" + part + "\" has a leading zero");
            }
            numbers[i] = new BigInteger(part);
        }
        return new Version(numbers[0], numbers[1], numbers[2], prerelease, build);
    }

    private static List<String> identifiers(String text, String part, boolean prerelease) {
        String what = prerelease ? "pre-release" : "build metadata";
        if (part.isEmpty()) {
            throw invalid(text, "the " + what + " after '" + (prerelease ? '-' : '+') + "' is empty");
        }
        String[] ids = part.split("\\.", -1);
        List<String> out = new ArrayList<>(ids.length);
        for (String id : ids) {
            String problem = identifierProblem(id, prerelease);
            if (problem != null) {
                throw invalid(text, "the " + what + " identifier \"" + id + "\" " + problem.replaceFirst("^it ", ""));
            }
            out.add(id);
        }
        return out;
    }

    /** Returns why {@code id} is not a valid identifier, or null when it is. */
    private static String identifierProblem(String id, boolean prerelease) {
        if (id == null) {
            throw new NullPointerException("identifier");
        }
        if (id.isEmpty()) {
            return "it is empty (two dots in a row, or a trailing dot)";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isIdentifierChar(c)) {
                return "it holds '" + c + "'; identifiers use only [0-9A-Za-z-]";
            }
        }
        if (prerelease && id.length() > 1 && id.charAt(0) == '0' && isDigits(id)) {
            return "it is numeric with a leading zero";
        }
        return null;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static InvalidVersionException invalid(String text, String problem) {
        return new InvalidVersionException(text, "invalid version \"" + text + "\": " + problem
                + " (SemVer 2.0.0: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])");
    }

    /**
     * Whether this version carries pre-release identifiers.
     *
     * @return true for {@code 1.0.0-rc.1}, false for {@code 1.0.0}
     */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /**
     * Whether this version is in initial development (major version zero), where SemVer promises no
     * stable API.
     *
     * @return true for {@code 0.y.z}
     */
    public boolean isInitialDevelopment() {
        return major.signum() == 0;
    }

    /**
     * The version core {@code MAJOR.MINOR.PATCH}, without pre-release and build metadata.
     *
     * @return this version's core
     */
    public Version versionCore() {
        return prerelease.isEmpty() && build.isEmpty() ? this : new Version(major, minor, patch, List.of(), List.of());
    }

    /**
     * The next major version: {@code (MAJOR+1).0.0}, without pre-release and build metadata.
     *
     * @return the next major version
     */
    public Version nextMajor() {
        return new Version(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of(), List.of());
    }

    /**
     * The next minor version: {@code MAJOR.(MINOR+1).0}, without pre-release and build metadata.
     *
     * @return the next minor version
     */
    public Version nextMinor() {
        return new Version(major, minor.add(BigInteger.ONE), BigInteger.ZERO, List.of(), List.of());
    }

    /**
     * The next patch version: {@code MAJOR.MINOR.(PATCH+1)}, without pre-release and build metadata.
     *
     * @return the next patch version
     */
    public Version nextPatch() {
        return new Version(major, minor, patch.add(BigInteger.ONE), List.of(), List.of());
    }

    /**
     * A copy with other pre-release identifiers (and the same build metadata).
     *
     * @param identifiers the pre-release identifiers, empty for none
     * @return the copy
     * @throws InvalidVersionException if an identifier breaks SemVer's grammar
     */
    public Version withPrerelease(List<String> identifiers) {
        return new Version(major, minor, patch, identifiers, build);
    }

    /**
     * Orders by SemVer precedence, then by build metadata, so that the order is consistent with
     * {@link #equals}.
     *
     * @param other the version to compare with
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(Version other) {
        int c = comparePrecedence(this, other);
        return c != 0 ? c : compareBuild(build, other.build);
    }

    /**
     * The SemVer text, which {@link #parse} reads back to an equal version.
     *
     * @return the version text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            sb.append('-').append(String.join(".", prerelease));
        }
        if (!build.isEmpty()) {
            sb.append('+').append(String.join(".", build));
        }
        return sb.toString();
    }

    private static int comparePrecedence(Version a, Version b) {
        int c = a.major.compareTo(b.major);
        if (c == 0) {
            c = a.minor.compareTo(b.minor);
        }
        if (c == 0) {
            c = a.patch.compareTo(b.patch);
        }
        if (c != 0) {
            return c;
        }
        // a version without pre-release has higher precedence than one with
        if (a.prerelease.isEmpty() || b.prerelease.isEmpty()) {
            return Boolean.compare(a.prerelease.isEmpty(), b.prerelease.isEmpty());
        }
        int n = Math.min(a.prerelease.size(), b.prerelease.size());
        for (int i = 0; i < n; i++) {
            c = compareIdentifiers(a.prerelease.get(i), b.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.prerelease.size(), b.prerelease.size());
    }

    private static int compareIdentifiers(String x, String y) {
        boolean xn = isDigits(x);
        boolean yn = isDigits(y);
        if (xn && yn) {
            // no leading zeros: a longer number is larger
            int c = Integer.compare(x.length(), y.length());
            return c != 0 ? c : x.compareTo(y);
        }
        if (xn != yn) {
            return xn ? -1 : 1;
        }
        return x.compareTo(y);
    }

    private static int compareBuild(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
