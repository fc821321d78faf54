package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * A tag cannot be given to an image because the repository's tags are immutable and the tag already
 * holds another image. Names both digests: the one the tag holds and the one it was to get. The input is
 * {@code repository:tag}; the CLI maps it, as every {@link InvalidInputException}, to exit code 3.
 */
public class ImageTagConflictException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The repository. */
    private final ImageRepository repository;
    /** The tag that is taken. */
    private final ImageTag tag;
    /** The digest the tag holds. */
    private final Digest existing;
    /** The digest the tag was to get. */
    private final Digest requested;

    /**
     * Creates the exception with a message that names the image and both digests.
     *
     * @param repository the repository
     * @param tag the tag that is taken
     * @param existing the digest the tag holds
     * @param requested the digest the tag was to get
     */
    public ImageTagConflictException(ImageRepository repository, ImageTag tag, Digest existing, Digest requested) {
        super(Objects.requireNonNull(repository, "repository") + ":" + Objects.requireNonNull(tag, "tag"),
                "cannot tag " + requested(requested) + " as " + repository + ":" + tag + ": the tag already holds "
                        + Objects.requireNonNull(existing, "existing") + " and the repository's tags are immutable;"
                        + " release under a new version, or promote the image the tag already holds");
        this.repository = repository;
        this.tag = tag;
        this.existing = existing;
        this.requested = requested;
    }

    private static Digest requested(Digest requested) {
        return Objects.requireNonNull(requested, "requested");
    }

    /**
     * The repository.
     *
     * @return the repository
     */
    public ImageRepository repository() {
        return repository;
    }

    /**
     * The tag that is taken.
     *
     * @return the tag
     */
    public ImageTag tag() {
        return tag;
    }

    /**
     * The digest the tag holds (and keeps).
     *
     * @return the existing digest
     */
    public Digest existing() {
        return existing;
    }

    /**
     * The digest the tag was to get.
     *
     * @return the requested digest
     */
    public Digest requested() {
        return requested;
    }
}
