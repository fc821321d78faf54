package dev.slipway.spi;

import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import java.util.List;
import java.util.Optional;

/**
 * An open registry client: what Slipway asks a registry before a manifest points at an image, when it
 * promotes without a rebuild, and when it rolls back. Instances are safe to use from several threads.
 *
 * <p>Rules (checked by the {@code tck} module's {@code RegistryBackendContract}):
 * <ol>
 *   <li>{@code REG-2}: an image whose registry this client cannot serve (an ECR client given
 *       {@code ghcr.io/acme/web}, a host other than the configured URL's) is an
 *       {@link dev.slipway.api.InvalidInputException} naming the image and the registry served; no request
 *       is sent.</li>
 *   <li>{@code REG-3}: {@link #digest} of a tag the repository does not hold is empty: absence is an
 *       answer, not an error.</li>
 *   <li>{@code REG-4}: {@link #digest} of a tag the repository holds is the digest of the manifest's bytes
 *       exactly as stored ({@link Digest#sha256(byte[])} of them); for a multi-platform image it is the
 *       index's (manifest list's) own digest, never one platform's.</li>
 *   <li>{@code REG-5}: a repository the registry does not know is an
 *       {@link dev.slipway.api.ImageRepositoryNotFoundException} naming it and the registry, from every
 *       operation. A registry that cannot tell an unknown repository from an empty one answers as for an
 *       empty repository.</li>
 *   <li>{@code REG-6}: {@link #tags} lists every tag of the repository, across every page the registry
 *       returns, each once, sorted by {@link String#compareTo} of their text.</li>
 *   <li>{@code REG-7}: {@link #retag} gives {@code to} the exact manifest bytes and media type {@code from}
 *       has, never re-serialised, and returns their digest; afterwards {@code digest(to)} equals
 *       {@code digest(from)}, and {@code from} and every other tag are unchanged.</li>
 *   <li>{@code REG-8}: {@link #retag} from a tag the repository does not hold is an
 *       {@link dev.slipway.api.ImageNotFoundException} naming the repository and the tag; nothing is
 *       written.</li>
 *   <li>{@code REG-9}: {@link #retag} is idempotent: when {@code to} already holds the digest of
 *       {@code from} it succeeds (in an immutable repository too) and returns the digest; {@code from}
 *       equal to {@code to} succeeds without a write.</li>
 *   <li>{@code REG-10}: when {@code to} holds another digest, {@link #retag} in a repository whose tags are
 *       immutable is an {@link dev.slipway.api.ImageTagConflictException} naming both digests, and
 *       {@code to} keeps its image; in a mutable repository the tag moves to the new image.</li>
 *   <li>{@code REG-11}: {@link #mutability} is what the registry reports, {@link Mutability#UNKNOWN} when
 *       it has no way to say; never a guess.</li>
 *   <li>{@code REG-12}: a failing registry (unreachable, credentials refused, server errors and throttling
 *       once the retries are spent) is a {@link dev.slipway.api.BackendException} that names the registry,
 *       the operation and what to do; a refused login names the credentials source used, not its
 *       content.</li>
 *   <li>{@code REG-13}: secrets (passwords, tokens, keys) never appear in {@code toString()}, exception
 *       messages or logs.</li>
 *   <li>{@code REG-14}: {@link #close} releases what the client holds and may be called more than once.</li>
 * </ol>
 */
public interface ImageRegistry extends AutoCloseable {

    /**
     * The digest of the image a tag names.
     *
     * @param image the repository
     * @param tag the tag
     * @return the manifest's digest, or empty when the repository does not hold the tag
     * @throws dev.slipway.api.ImageRepositoryNotFoundException if the registry does not know the repository
     * @throws dev.slipway.api.BackendException if the registry fails
     */
    Optional<Digest> digest(ImageRepository image, ImageTag tag);

    /**
     * Every tag of a repository.
     *
     * @param image the repository
     * @return the tags, sorted by their text, each once
     * @throws dev.slipway.api.ImageRepositoryNotFoundException if the registry does not know the repository
     * @throws dev.slipway.api.BackendException if the registry fails
     */
    List<ImageTag> tags(ImageRepository image);

    /**
     * Gives an existing image another tag, without changing its bytes.
     *
     * @param image the repository
     * @param from the tag that names the image
     * @param to the tag to give it
     * @return the image's digest, which {@code to} now names
     * @throws dev.slipway.api.ImageNotFoundException if the repository does not hold {@code from}
     * @throws dev.slipway.api.ImageTagConflictException if {@code to} is immutable and holds another image
     * @throws dev.slipway.api.ImageRepositoryNotFoundException if the registry does not know the repository
     * @throws dev.slipway.api.BackendException if the registry fails
     */
    Digest retag(ImageRepository image, ImageTag from, ImageTag to);

    /**
     * Whether the repository's tags can move, as the registry reports it.
     *
     * @param image the repository
     * @return the mutability, {@link Mutability#UNKNOWN} when the registry cannot say
     * @throws dev.slipway.api.ImageRepositoryNotFoundException if the registry does not know the repository
     * @throws dev.slipway.api.BackendException if the registry fails
     */
    Mutability mutability(ImageRepository image);

    /**
     * Releases what the client holds (connections, SDK clients). Idempotent.
     */
    @Override
    void close();
}
