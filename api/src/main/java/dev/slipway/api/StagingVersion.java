package dev.slipway.api;

import java.util.List;
import java.util.Objects;

/**
 * The version a build of the staging branch gets: a base release version, the commit count since the
 * last release and a fixed-length commit prefix, shaped by a {@link StagingScheme}:
 * {@code 0.2.2-rc0029-g1234567}.
 *
 * @param base the release version the build leads to, {@code X.Y.Z}
 * @param count the commit count, from 0 to {@code scheme.maxCount()}
 * @param sha the first {@code scheme.shaLength()} lower-case hex digits of the commit id
 * @param scheme the scheme that shapes the pre-release
 */
public record StagingVersion(Version base, long count, String sha, StagingScheme scheme)
        implements Comparable<StagingVersion> {

    /**
     * Validates the parts.
     *
     * @param base the release version the build leads to, {@code X.Y.Z}
     * @param count the commit count, from 0 to {@code scheme.maxCount()}
     * @param sha the first {@code scheme.shaLength()} lower-case hex digits of the commit id
     * @param scheme the scheme that shapes the pre-release
     * @throws CountOverflowException if the count does not fit the scheme's count width
     * @throws InvalidVersionException if the base is not {@code X.Y.Z}, the count is negative, or the SHA is not
     *     lower-case hex of the scheme's length
     */
    public StagingVersion {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(scheme, "scheme");
        if (base.isPrerelease() || !base.build().isEmpty()) {
            throw new InvalidVersionException(base.toString(), "invalid staging base \"" + base
                    + "\": a staging version builds on a release X.Y.Z, without pre-release or build metadata");
        }
        if (count < 0) {
            throw new InvalidVersionException(Long.toString(count), "invalid commit count " + count + ": it must not be negative");
        }
        if (count > scheme.maxCount()) {
            throw new CountOverflowException(base, count, scheme.countWidth());
        }
        if (sha.length() != scheme.shaLength() || !StagingScheme.isLowerHex(sha)) {
            throw new InvalidVersionException(sha, "invalid commit prefix \"" + sha + "\": expected exactly "
                    + scheme.shaLength() + " lower-case hex digits");
        }
    }

    /**
     * The SemVer version, for example {@code 0.2.2-rc0029-g1234567}.
     *
     * @return the version
     */
    public Version toVersion() {
        return base.withPrerelease(List.of(scheme.preRelease(count, sha)));
    }

    /**
     * Orders by SemVer precedence of {@link #toVersion()}: by base, then by commit count. Two schemes can
     * spell the same text ({@code rc{count:4}-g{sha:7}} and {@code rc{count:04}-g{sha:7}}); such versions
     * are then ordered by scheme pattern, so that the order stays consistent with {@link #equals}.
     *
     * @param other the staging version to compare with
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(StagingVersion other) {
        int c = toVersion().compareTo(other.toVersion());
        return c != 0 ? c : scheme.pattern().compareTo(other.scheme.pattern());
    }

    /**
     * The version text, which {@link StagingScheme#parseVersion} reads back.
     *
     * @return for example {@code 0.2.2-rc0029-g1234567}
     */
    @Override
    public String toString() {
        return toVersion().toString();
    }
}
