package dev.slipway.core.internal;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.InvalidVersionException;
import dev.slipway.api.Version;
import dev.slipway.core.Bump;
import dev.slipway.core.config.Versioning;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The version rules of a release, as Release Please's default versioning strategy applies them: a breaking
 * change bumps the major version, a feature the minor, a fix, performance improvement or revert the patch;
 * before 1.0.0, {@code bump-minor-pre-major} turns a major bump into a minor one and
 * {@code bump-patch-for-minor-pre-major} a minor one into a patch; the newest {@code Release-As: X.Y.Z}
 * footer sets the version outright; a first release is {@code versioning.initial}.
 */
public final class ReleaseRules {

    private ReleaseRules() {
    }

    /**
     * A commit of a service's release, as the rules see it.
     *
     * @param id the commit's id, for messages
     * @param commit the parsed message
     */
    public record Entry(String id, ConventionalCommit commit) {

        /** Checks the parts. */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(commit, "commit");
        }
    }

    /**
     * The next version and how it was chosen.
     *
     * @param next the version
     * @param bump the rule that chose it
     */
    public record Decision(Version next, Bump bump) {
    }

    /**
     * Whether a commit type alone asks for a release: features, fixes, performance improvements and reverts
     * (types compare case-insensitively; {@code feature} is an alias of {@code feat}).
     *
     * @param type a commit type
     * @return true for a releasable type
     */
    public static boolean releasableType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "feat", "feature", "fix", "perf", "revert" -> true;
            default -> false;
        };
    }

    /**
     * Whether a commit asks for a release on its own: a breaking change, a releasable type, or a
     * {@code Release-As} footer.
     *
     * @param commit the commit
     * @return true if it is releasable
     */
    public static boolean releasable(ConventionalCommit commit) {
        return commit.isBreaking() || releasableType(commit.type()) || releaseAs(commit).isPresent();
    }

    /**
     * The value of a commit's {@code Release-As} footer (token compared case-insensitively), the last one
     * when it has several.
     *
     * @param commit the commit
     * @return the raw value, stripped
     */
    public static Optional<String> releaseAs(ConventionalCommit commit) {
        Optional<String> found = Optional.empty();
        for (ConventionalCommit.Footer f : commit.footers()) {
            if (f.token().equalsIgnoreCase("Release-As")) {
                found = Optional.of(f.value().strip());
            }
        }
        return found;
    }

    /**
     * The next version of a service.
     *
     * @param current the latest release, empty before the first
     * @param commits the service's commits since that release, newest first
     * @param versioning the {@code versioning} section
     * @return the decision, or empty when no commit is releasable
     * @throws InvalidInputException if the newest {@code Release-As} footer is not a release version
     *     {@code X.Y.Z} (a {@code v} prefix is tolerated) or is not above the current version
     */
    public static Optional<Decision> decide(Optional<Version> current, List<Entry> commits, Versioning versioning) {
        for (Entry e : commits) {
            Optional<String> value = releaseAs(e.commit());
            if (value.isPresent()) {
                Version v = releaseAsVersion(e.id(), value.get());
                if (current.isPresent() && v.compareTo(current.get()) <= 0) {
                    throw new InvalidInputException(value.get(), "commit " + e.id() + " asks for Release-As: "
                            + value.get() + ", which is not above the current release " + current.get()
                            + "; add a newer commit with a footer 'Release-As: X.Y.Z' above " + current.get());
                }
                return Optional.of(new Decision(v, Bump.RELEASE_AS));
            }
        }
        boolean breaking = false;
        boolean feature = false;
        boolean patch = false;
        for (Entry e : commits) {
            ConventionalCommit c = e.commit();
            if (c.isBreaking()) {
                breaking = true;
            } else if (c.isFeature()) {
                feature = true;
            } else if (releasableType(c.type())) {
                patch = true;
            }
        }
        if (!breaking && !feature && !patch) {
            return Optional.empty();
        }
        if (current.isEmpty()) {
            return Optional.of(new Decision(versioning.initial(), Bump.INITIAL));
        }
        Version v = current.get().versionCore();
        boolean preMajor = v.major().signum() == 0;
        if (breaking) {
            return Optional.of(preMajor && versioning.bumpMinorPreMajor()
                    ? new Decision(v.nextMinor(), Bump.MINOR) : new Decision(v.nextMajor(), Bump.MAJOR));
        }
        if (feature) {
            return Optional.of(preMajor && versioning.bumpPatchForMinorPreMajor()
                    ? new Decision(v.nextPatch(), Bump.PATCH) : new Decision(v.nextMinor(), Bump.MINOR));
        }
        return Optional.of(new Decision(v.nextPatch(), Bump.PATCH));
    }

    private static Version releaseAsVersion(String commit, String value) {
        String text = value.startsWith("v") || value.startsWith("V") ? value.substring(1) : value;
        Version v;
        try {
            v = Version.parse(text);
        } catch (InvalidVersionException e) {
            throw new InvalidInputException(value, "commit " + commit + " has the footer 'Release-As: " + value
                    + "', which is not a version X.Y.Z; add a newer commit with a valid 'Release-As: X.Y.Z' footer", e);
        }
        if (v.isPrerelease() || !v.build().isEmpty()) {
            throw new InvalidInputException(value, "commit " + commit + " has the footer 'Release-As: " + value
                    + "', but release versions are X.Y.Z without pre-release or build parts; add a newer commit"
                    + " with a 'Release-As: X.Y.Z' footer");
        }
        return v;
    }
}
