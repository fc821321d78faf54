package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * The registry does not know an image repository: a configuration error (a service's {@code image:} that
 * names a repository nobody created, or a registry, region or account that is not the one holding it).
 * The input is the repository name; the message names the registry too.
 */
public class ImageRepositoryNotFoundException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The repository the registry does not know. */
    private final ImageRepository repository;

    /**
     * Creates the exception with a message that names the repository and the registry.
     *
     * @param repository the repository the registry does not know
     * @param registry the registry, as the message should name it (a URL, host, or account and region;
     *     never credentials)
     */
    public ImageRepositoryNotFoundException(ImageRepository repository, String registry) {
        super(Objects.requireNonNull(repository, "repository").value(), "the image repository " + repository
                + " does not exist in the registry " + Objects.requireNonNull(registry, "registry")
                + "; check the service's image in slipway.yaml and the registry settings, or create the repository");
        this.repository = repository;
    }

    /**
     * The repository the registry does not know.
     *
     * @return the repository
     */
    public ImageRepository repository() {
        return repository;
    }
}
