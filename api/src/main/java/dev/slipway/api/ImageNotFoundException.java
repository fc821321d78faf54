package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * An image that an operation needs is not in the registry: the source tag of a retag, or the image a
 * deployment would point at. The input is {@code repository:tag}. The CLI maps it, as every
 * {@link InvalidInputException}, to exit code 3.
 */
public class ImageNotFoundException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The repository searched. */
    private final ImageRepository repository;
    /** The tag not found. */
    private final ImageTag tag;

    /**
     * Creates the exception with a message that names the image and the registry.
     *
     * @param repository the repository searched
     * @param tag the tag it does not hold
     * @param registry the registry, as the message should name it (a URL or host, never credentials)
     */
    public ImageNotFoundException(ImageRepository repository, ImageTag tag, String registry) {
        super(Objects.requireNonNull(repository, "repository") + ":" + Objects.requireNonNull(tag, "tag"),
                "the image " + repository + ":" + tag + " does not exist in the registry "
                        + Objects.requireNonNull(registry, "registry")
                        + "; push it first (or check the version and the service's image)");
        this.repository = repository;
        this.tag = tag;
    }

    /**
     * The repository searched.
     *
     * @return the repository
     */
    public ImageRepository repository() {
        return repository;
    }

    /**
     * The tag not found.
     *
     * @return the tag
     */
    public ImageTag tag() {
        return tag;
    }
}
