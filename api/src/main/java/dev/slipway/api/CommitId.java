package dev.slipway.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The full id of a git commit: 40 lower-case hex digits (SHA-1) or 64 (SHA-256).
 *
 * @param hex the id
 */
public record CommitId(String hex) implements Comparable<CommitId> {

    /** The all-zero id git uses for "no commit" (a new branch's base in a push event). */
    public static final CommitId ZERO = new CommitId("0".repeat(40));

    /**
     * Validates the id.
     *
     * @throws InvalidInputException if it is not 40 or 64 lower-case hex digits
     */
    public CommitId {
        Objects.requireNonNull(hex, "hex");
        if ((hex.length() != 40 && hex.length() != 64) || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new InvalidInputException(hex, "invalid commit id \"" + hex
                    + "\": expected a full id of 40 (SHA-1) or 64 (SHA-256) lower-case hex digits");
        }
    }

    /**
     * The commit with this id; upper-case hex is accepted and lower-cased.
     *
     * @param hex the full id
     * @return the commit id
     * @throws InvalidInputException if it is not a full hex id
     */
    public static CommitId of(String hex) {
        return new CommitId(Objects.requireNonNull(hex, "hex").toLowerCase(Locale.ROOT));
    }

    /**
     * Whether this is the all-zero id ("no commit").
     *
     * @return true for {@code 0000...0000}
     */
    public boolean isZero() {
        return hex.chars().allMatch(c -> c == '0');
    }

    /**
     * The first {@code length} hex digits.
     *
     * @param length how many digits, 1 to the id's length
     * @return the abbreviation
     */
    public String abbreviate(int length) {
        if (length < 1 || length > hex.length()) {
            throw new IllegalArgumentException("length must be 1 to " + hex.length() + ", not " + length);
        }
        return hex.substring(0, length);
    }

    @Override
    public int compareTo(CommitId other) {
        return hex.compareTo(other.hex);
    }

    /**
     * The id.
     *
     * @return the hex digits
     */
    @Override
    public String toString() {
        return hex;
    }
}
