package dev.slipway.api;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of staging versions: the pre-release a build of {@code main} gets on top of its base
 * version, {@code rc{count:4}-g{sha:7}} by default, which gives {@code 0.2.2-rc0029-g1234567}.
 *
 * <p>A scheme is literal text with {@code {count:N}} (the commit count, zero-padded to exactly N digits)
 * followed by {@code {sha:M}} (the first M hex digits of the commit id, a fixed length, since git's own
 * abbreviation varies between clones). Literals use {@code [0-9A-Za-z-]} only and no dots, so the whole
 * pre-release is one SemVer identifier; at least one literal character is not a digit, so that
 * identifier is never numeric. Within one base, staging versions then sort by commit count.
 *
 * <p>A count that needs more than N digits is refused with {@link CountOverflowException}: SemVer
 * compares {@code rc10000} below {@code rc9999}.
 */
public final class StagingScheme {

    /** The default scheme, {@code rc{count:4}-g{sha:7}}. */
    public static final StagingScheme DEFAULT = new StagingScheme("rc{count:4}-g{sha:7}");

    /** The widest count a scheme may have (a count is a {@code long}). */
    public static final int MAX_COUNT_WIDTH = 18;

    /** The shortest commit prefix a scheme may use, git's own minimum abbreviation. */
    public static final int MIN_SHA_LENGTH = 4;

    /** The longest commit prefix a scheme may use, a whole SHA-256 object id. */
    public static final int MAX_SHA_LENGTH = 64;

    private final String pattern;
    private final String prefix;
    private final String middle;
    private final String suffix;
    private final int countWidth;
    private final int shaLength;

    private StagingScheme(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        int countStart = pattern.indexOf("{count");
        int shaStart = pattern.indexOf("{sha");
        if (countStart < 0) {
            throw invalid(pattern, "it has no {count:N} placeholder");
        }
        if (shaStart < 0) {
            throw invalid(pattern, "it has no {sha:M} placeholder");
        }
        if (shaStart < countStart) {
            throw invalid(pattern, "{sha:M} comes before {count:N}; the count must come first so versions sort by it");
        }
        int countEnd = pattern.indexOf('}', countStart);
        int shaEnd = pattern.indexOf('}', shaStart);
        if (countEnd < 0 || shaEnd < 0) {
            throw invalid(pattern, "a '{' is not closed");
        }
        int open = pattern.indexOf('{', countStart + 1);
        if (open >= 0 && open < countEnd) {
            throw invalid(pattern, "the '{' at index " + countStart + " is not closed before the next '{'");
        }
        open = pattern.indexOf('{', shaStart + 1);
        if (open >= 0 && open < shaEnd) {
            throw invalid(pattern, "the '{' at index " + shaStart + " is not closed before the next '{'");
        }
        this.countWidth = width(pattern, pattern.substring(countStart, countEnd + 1), "count", 4, 1, MAX_COUNT_WIDTH);
        this.shaLength = width(pattern, pattern.substring(shaStart, shaEnd + 1), "sha", 7, MIN_SHA_LENGTH, MAX_SHA_LENGTH);
        this.prefix = literal(pattern, pattern.substring(0, countStart));
        this.middle = literal(pattern, pattern.substring(countEnd + 1, shaStart));
        this.suffix = literal(pattern, pattern.substring(shaEnd + 1));
        String literals = prefix + middle + suffix;
        if (literals.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(pattern, "it needs at least one letter or '-' outside the placeholders, or an all-digit"
                    + " commit would give a numeric pre-release with leading zeros; write for example rc{count:4}-g{sha:7}");
        }
    }

    private static int width(String pattern, String placeholder, String name, int dflt, int min, int max) {
        String inner = placeholder.substring(1, placeholder.length() - 1);
        if (inner.equals(name)) {
            return dflt;
        }
        if (!inner.startsWith(name + ":")) {
            throw invalid(pattern, "unknown placeholder " + placeholder + "; expected {" + name + ":N}");
        }
        String digits = inner.substring(name.length() + 1);
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < min || n > max || !digits.matches("[0-9]+")) {
            throw invalid(pattern, "the width in " + placeholder + " must be a number from " + min + " to " + max);
        }
        return n;
    }

    private static String literal(String pattern, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
            if (!ok) {
                if (c == '.') {
                    throw invalid(pattern, "it contains '.'; the pre-release must be a single identifier so it sorts by"
                            + " count (write rc{count:4}-g{sha:7}, not rc.{count:4}.g{sha:7})");
                }
                if (c == '{' || c == '}') {
                    throw invalid(pattern, "unexpected '" + c + "'; only {count:N} then {sha:M} may appear, once each");
                }
                throw invalid(pattern, "it contains '" + c + "'; literal text uses only [0-9A-Za-z-]");
            }
        }
        return text;
    }

    private static InvalidPatternException invalid(String pattern, String problem) {
        return new InvalidPatternException(pattern, "invalid pre-release scheme \"" + pattern + "\": " + problem);
    }

    /**
     * Parses a scheme.
     *
     * @param pattern for example {@code rc{count:4}-g{sha:7}}
     * @return the scheme
     * @throws InvalidPatternException naming the pattern and what is wrong with it
     */
    public static StagingScheme parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return pattern.equals(DEFAULT.pattern) ? DEFAULT : new StagingScheme(pattern);
    }

    /**
     * The default shape {@code rc{count:W}-g{sha:L}} with other widths.
     *
     * @param countWidth digits of the commit count, 1 to {@value #MAX_COUNT_WIDTH}
     * @param shaLength hex digits of the commit id, {@value #MIN_SHA_LENGTH} to {@value #MAX_SHA_LENGTH}
     * @return the scheme
     * @throws InvalidPatternException if a width is out of range
     */
    public static StagingScheme of(int countWidth, int shaLength) {
        return parse("rc{count:" + countWidth + "}-g{sha:" + shaLength + "}");
    }

    /**
     * The pattern text.
     *
     * @return the pattern, as given
     */
    public String pattern() {
        return pattern;
    }

    /**
     * How many digits the commit count has, exactly.
     *
     * @return the count width
     */
    public int countWidth() {
        return countWidth;
    }

    /**
     * How many hex digits of the commit id the version carries, exactly.
     *
     * @return the SHA length
     */
    public int shaLength() {
        return shaLength;
    }

    /**
     * The largest count the scheme can express, {@code 10^countWidth - 1}.
     *
     * @return the largest count
     */
    public long maxCount() {
        return BigInteger.TEN.pow(countWidth).subtract(BigInteger.ONE).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /**
     * The staging version of a build.
     *
     * @param base the release version the build leads to ({@code X.Y.Z}, usually the last release plus one patch)
     * @param count the commit count, from 0 to {@link #maxCount()}
     * @param commitId the commit's full (or at least {@link #shaLength()}-digit) hex id
     * @return the staging version
     * @throws CountOverflowException if the count does not fit the count width
     * @throws InvalidVersionException if the base is not a release {@code X.Y.Z}, or the commit id is not hex
     *     or is shorter than the SHA length
     */
    public StagingVersion version(Version base, long count, String commitId) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(commitId, "commitId");
        if (commitId.length() < shaLength || !isHex(commitId)) {
            throw new InvalidVersionException(commitId, "invalid commit id \"" + commitId + "\": expected at least "
                    + shaLength + " hex digits (a full commit id)");
        }
        return new StagingVersion(base, count, commitId.substring(0, shaLength).toLowerCase(Locale.ROOT), this);
    }

    /**
     * The staging version a version is under this scheme, if it is one.
     *
     * @param version any version
     * @return the staging version, or empty when the version's pre-release does not have this scheme's shape
     */
    public Optional<StagingVersion> match(Version version) {
        Objects.requireNonNull(version, "version");
        List<String> pre = version.prerelease();
        if (pre.size() != 1 || !version.build().isEmpty()) {
            return Optional.empty();
        }
        String id = pre.get(0);
        if (id.length() != prefix.length() + countWidth + middle.length() + shaLength + suffix.length()
                || !id.startsWith(prefix) || !id.endsWith(suffix)) {
            return Optional.empty();
        }
        int at = prefix.length();
        String count = id.substring(at, at + countWidth);
        at += countWidth;
        if (!id.startsWith(middle, at)) {
            return Optional.empty();
        }
        at += middle.length();
        String sha = id.substring(at, at + shaLength);
        if (!count.chars().allMatch(c -> c >= '0' && c <= '9') || !isLowerHex(sha)) {
            return Optional.empty();
        }
        return Optional.of(new StagingVersion(version.versionCore(), Long.parseLong(count), sha, this));
    }

    /**
     * Parses the text of a staging version under this scheme.
     *
     * @param text for example {@code 0.2.2-rc0029-g1234567}
     * @return the staging version
     * @throws InvalidVersionException if the text is not SemVer, or not of this scheme's shape
     */
    public StagingVersion parseVersion(String text) {
        Version version = Version.parse(text);
        return match(version).orElseThrow(() -> new InvalidVersionException(text, "\"" + text
                + "\" is not a staging version of the scheme " + pattern + " (expected X.Y.Z-"
                + example() + ")"));
    }

    private String example() {
        // count 29 where it fits (the default's rc0029), else the largest count of a one-digit scheme
        return preRelease(Math.min(29, maxCount()), "1234567abcdef0123456789".repeat(3).substring(0, shaLength));
    }

    String preRelease(long count, String sha) {
        Objects.requireNonNull(sha, "sha");
        String digits = Long.toString(count);
        return prefix + "0".repeat(countWidth - digits.length()) + digits + middle + sha + suffix;
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    static boolean isLowerHex(String s) {
        return isHex(s) && s.equals(s.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StagingScheme other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    /**
     * The pattern text.
     *
     * @return the pattern
     */
    @Override
    public String toString() {
        return pattern;
    }
}
