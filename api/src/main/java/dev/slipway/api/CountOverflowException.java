package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * A staging version's commit count does not fit the count width of the pre-release scheme.
 *
 * <p>Slipway never widens the count on its own: SemVer compares pre-release identifiers as text, so
 * {@code rc10000} sorts below {@code rc9999} and a wider count would mis-sort versions already
 * published for the same base. The message says what to do: cut a release (a new base restarts the
 * count), or widen the count in {@code versioning.prerelease} knowing that it re-sorts earlier builds.
 */
public class CountOverflowException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The release the staging version builds on. */
    private final Version base;
    /** The commit count that did not fit. */
    private final long count;
    /** The scheme's count width in digits. */
    private final int width;

    /**
     * Creates the exception.
     *
     * @param base the release the staging version builds on
     * @param count the commit count that does not fit
     * @param width the scheme's count width in digits
     */
    public CountOverflowException(Version base, long count, int width) {
        super(Long.toString(count), message(Objects.requireNonNull(base, "base"), count, width));
        this.base = base;
        this.count = count;
        this.width = width;
    }

    /**
     * Creates the exception for a named service, whose name leads the message.
     *
     * @param service the service whose staging version overflowed
     * @param base the release the staging version builds on
     * @param count the commit count that does not fit
     * @param width the scheme's count width in digits
     */
    public CountOverflowException(ServiceId service, Version base, long count, int width) {
        super(Long.toString(count), Objects.requireNonNull(service, "service") + ": "
                + message(Objects.requireNonNull(base, "base"), count, width));
        this.base = base;
        this.count = count;
        this.width = width;
    }

    private static String message(Version base, long count, int width) {
        String max = "9".repeat(Math.max(width, 0));
        String message = "commit count " + count + " since base " + base + " does not fit the " + width
                + "-digit count of the pre-release scheme (at most " + max + "): SemVer compares pre-release"
                + " identifiers as text, so rc" + "1" + "0".repeat(Math.max(width, 0)) + " would sort below rc" + max
                + ". Cut a release of this service (a new base restarts the count at 0)";
        if (width >= StagingScheme.MAX_COUNT_WIDTH) {
            return message + "; the count is already as wide as a scheme allows.";
        }
        return message + ", or widen the count in versioning.prerelease (for example {count:" + (width + 1)
                + "}), which re-sorts the staging versions already published for " + base + ".";
    }

    /**
     * The release the staging version builds on.
     *
     * @return the base
     */
    public Version base() {
        return base;
    }

    /**
     * The commit count that did not fit.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * The scheme's count width in digits.
     *
     * @return the width
     */
    public int width() {
        return width;
    }
}
