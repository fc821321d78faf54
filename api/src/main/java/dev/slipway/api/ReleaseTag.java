package dev.slipway.api;

import dev.slipway.api.internal.RefNames;
import java.util.Objects;

/**
 * A git tag that marks a release of one service, such as {@code services/go-backend@0.2.3}.
 *
 * <p>The version is always a release {@code X.Y.Z} (no pre-release, no build metadata), and the tag
 * name passes git's reference name rules ({@code git check-ref-format}). Names are formatted and
 * parsed by a {@link TagPattern}; {@link #of} and {@link #parse} use {@link TagPattern#DEFAULT}
 * ({@code {service}@{version}}), which splits at the last {@code @} so that {@code @scope/pkg@1.2.3}
 * is service {@code @scope/pkg}, version {@code 1.2.3}.
 */
public final class ReleaseTag {

    private final String name;
    private final ServiceId service;
    private final Version version;

    ReleaseTag(String name, ServiceId service, Version version) {
        this.name = Objects.requireNonNull(name, "name");
        this.service = Objects.requireNonNull(service, "service");
        this.version = Objects.requireNonNull(version, "version");
        if (version.isPrerelease() || !version.build().isEmpty()) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": its version " + version
                    + " is not a release; release tags carry X.Y.Z only (no pre-release, no build metadata)");
        }
        String problem = RefNames.tagNameProblem(name);
        if (problem != null) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": " + problem
                    + " (git check-ref-format rules); change the service path or the tag pattern");
        }
    }

    /**
     * The release tag of a service's version under the default pattern {@code {service}@{version}}.
     *
     * @param service the service
     * @param version a release version {@code X.Y.Z}
     * @return the tag
     * @throws InvalidReleaseTagException if the version is not a release or the name is not a valid ref name
     */
    public static ReleaseTag of(ServiceId service, Version version) {
        return TagPattern.DEFAULT.format(service, version);
    }

    /**
     * Parses a tag name under the default pattern {@code {service}@{version}}, splitting at the last {@code @}.
     *
     * @param name the tag name, for example {@code services/go-backend@0.2.3}
     * @return the tag
     * @throws InvalidReleaseTagException if the name does not have that shape, names an invalid service path,
     *     carries a version that is not {@code X.Y.Z}, or breaks git's ref name rules
     */
    public static ReleaseTag parse(String name) {
        return TagPattern.DEFAULT.parseTag(name);
    }

    /**
     * The tag name, without {@code refs/tags/}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The service this tag releases.
     *
     * @return the service
     */
    public ServiceId service() {
        return service;
    }

    /**
     * The released version, always {@code X.Y.Z}.
     *
     * @return the version
     */
    public Version version() {
        return version;
    }

    /**
     * The full reference name, {@code refs/tags/<name>}.
     *
     * @return the ref name
     */
    public String refName() {
        return "refs/tags/" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseTag other
                && name.equals(other.name) && service.equals(other.service) && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, service, version);
    }

    /**
     * The tag name.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
