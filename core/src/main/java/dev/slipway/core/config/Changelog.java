package dev.slipway.core.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code changelog} section.
 *
 * @param repositoryUrl the repository's web address, which enables compare and commit links
 *     ({@code repository-url})
 */
public record Changelog(Optional<URI> repositoryUrl) {

    /** The embedded default: no links. */
    public static final Changelog DEFAULT = new Changelog(Optional.empty());

    /**
     * Checks the parts.
     */
    public Changelog {
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
    }
}
