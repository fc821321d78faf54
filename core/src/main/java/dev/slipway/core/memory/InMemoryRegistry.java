package dev.slipway.core.memory;

import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageNotFoundException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ImageTagConflictException;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference {@link RegistryBackend}: repositories, tags and manifests held in memory, with the
 * knobs tests need (immutable repositories, an outage). It passes the registry contract kit, serves the
 * demo, and lets hosts test their flows without a registry:
 *
 * <pre>{@code
 * InMemoryRegistry registry = new InMemoryRegistry();
 * ImageRepository web = ImageRepository.of("ghcr.io/acme/web");
 * registry.createRepository(web, Mutability.IMMUTABLE);
 * registry.push(web, ImageTag.of("0.2.3-rc0001-g1234567"));
 * Slipway slipway = Slipway.builder().registry(registry).build();
 * }</pre>
 *
 * <p>Every {@link #open} returns a view of the same store; settings are ignored. A push creates its
 * repository (mutable) when it does not exist, as OCI registries do; other operations on an unknown
 * repository raise {@link ImageRepositoryNotFoundException}. Never registered with ServiceLoader. Safe to
 * use from several threads.
 */
public final class InMemoryRegistry implements RegistryBackend {

    /** The id of this backend. */
    public static final String ID = "registry-memory";

    /** What {@link #push(ImageRepository, ImageTag)} stores: an OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private final Object lock = new Object();
    private final Map<ImageRepository, Repository> repositories = new HashMap<>();
    private String outage;

    private static final class Repository {
        Mutability mutability;
        final Map<String, Manifest> tags = new TreeMap<>();

        Repository(Mutability mutability) {
            this.mutability = mutability;
        }
    }

    /**
     * A manifest as stored: its exact bytes and media type.
     *
     * @param digest the digest of the bytes
     * @param mediaType the media type it was pushed with
     * @param bytes the exact bytes (a copy)
     */
    public record Manifest(Digest digest, String mediaType, byte[] bytes) {

        /**
         * Copies the bytes and checks that the digest is theirs.
         */
        public Manifest {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(mediaType, "mediaType");
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
            if (!Digest.sha256(bytes).equals(digest)) {
                throw new IllegalArgumentException("digest " + digest + " is not the sha256 of the bytes");
            }
        }

        /**
         * A manifest of these bytes.
         *
         * @param mediaType the media type
         * @param bytes the bytes
         * @return the manifest, with the sha256 digest of the bytes
         */
        public static Manifest of(String mediaType, byte[] bytes) {
            return new Manifest(Digest.sha256(bytes), mediaType, bytes);
        }

        /**
         * The exact bytes.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Equal when digest and media type are (the digest covers the bytes).
         *
         * @param other the other object
         * @return whether they are equal
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Manifest m && m.digest.equals(digest) && m.mediaType.equals(mediaType)
                    && Arrays.equals(m.bytes, bytes);
        }

        /**
         * A hash of the digest and media type.
         *
         * @return the hash
         */
        @Override
        public int hashCode() {
            return Objects.hash(digest, mediaType);
        }

        /**
         * The digest, media type and size.
         *
         * @return a summary (not the bytes)
         */
        @Override
        public String toString() {
            return "Manifest[" + digest + ", " + mediaType + ", " + bytes.length + " bytes]";
        }
    }

    /**
     * An empty registry.
     */
    public InMemoryRegistry() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * A view of this registry's store; the settings are ignored.
     *
     * @param settings the settings (ignored)
     * @return the registry client
     */
    @Override
    public ImageRegistry open(RegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new View();
    }

    /**
     * Creates a repository, or changes the mutability of an existing one.
     *
     * @param repository the repository
     * @param mutability what {@link ImageRegistry#mutability} reports; {@link Mutability#IMMUTABLE} (and
     *     {@link Mutability#MIXED}, which this registry treats like it) refuses to move a tag
     * @return this registry
     */
    public InMemoryRegistry createRepository(ImageRepository repository, Mutability mutability) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(mutability, "mutability");
        synchronized (lock) {
            repositories.computeIfAbsent(repository, r -> new Repository(mutability)).mutability = mutability;
        }
        return this;
    }

    /**
     * Stores a manifest under a tag, as a push does: creates the repository (mutable) when absent, and
     * moves the tag even in an immutable repository (a test's set-up, not a client's write).
     *
     * @param repository the repository
     * @param tag the tag
     * @param manifest the manifest's exact bytes
     * @param mediaType its media type
     * @return the manifest's digest
     */
    public Digest push(ImageRepository repository, ImageTag tag, byte[] manifest, String mediaType) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Manifest m = Manifest.of(Objects.requireNonNull(mediaType, "mediaType"), Objects.requireNonNull(manifest, "manifest"));
        synchronized (lock) {
            repositories.computeIfAbsent(repository, r -> new Repository(Mutability.MUTABLE)).tags.put(tag.value(), m);
        }
        return m.digest();
    }

    /**
     * Stores a small OCI image manifest unique to the repository and tag, so that different tags pushed this
     * way have different digests.
     *
     * @param repository the repository
     * @param tag the tag
     * @return the manifest's digest
     */
    public Digest push(ImageRepository repository, ImageTag tag) {
        Digest config = Digest.sha256(repository + ":" + tag);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config + "\",\"size\":2},\"layers\":[]}";
        return push(repository, tag, manifest.getBytes(StandardCharsets.UTF_8), OCI_MANIFEST);
    }

    /**
     * The manifest a tag holds.
     *
     * @param repository the repository
     * @param tag the tag
     * @return the manifest, or empty when the repository or tag does not exist
     */
    public Optional<Manifest> manifest(ImageRepository repository, ImageTag tag) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        synchronized (lock) {
            Repository r = repositories.get(repository);
            return r == null ? Optional.empty() : Optional.ofNullable(r.tags.get(tag.value()));
        }
    }

    /**
     * Removes a tag (the image stays reachable under its other tags).
     *
     * @param repository the repository
     * @param tag the tag
     * @return whether the tag existed
     */
    public boolean untag(ImageRepository repository, ImageTag tag) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        synchronized (lock) {
            Repository r = repositories.get(repository);
            return r != null && r.tags.remove(tag.value()) != null;
        }
    }

    /**
     * Makes every later call of an opened registry fail with a {@link BackendException}, as an unreachable
     * registry does, until {@link #recover()}.
     *
     * @param reason what the exceptions say, such as {@code "connection refused"}
     * @return this registry
     */
    public InMemoryRegistry outage(String reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (lock) {
            outage = reason;
        }
        return this;
    }

    /**
     * Ends an {@link #outage(String)}.
     *
     * @return this registry
     */
    public InMemoryRegistry recover() {
        synchronized (lock) {
            outage = null;
        }
        return this;
    }

    /**
     * The id and the number of repositories.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryRegistry[" + repositories.size() + " repositories]";
        }
    }

    /** An opened view of the store. */
    private final class View implements ImageRegistry {

        private Repository repository(ImageRepository image, String operation) {
            Objects.requireNonNull(image, "image");
            if (outage != null) {
                throw new BackendException("registry " + ID + " failed to " + operation + " " + image + ": " + outage
                        + "; retry when the registry is reachable");
            }
            Repository r = repositories.get(image);
            if (r == null) {
                throw new ImageRepositoryNotFoundException(image, ID);
            }
            return r;
        }

        @Override
        public Optional<Digest> digest(ImageRepository image, ImageTag tag) {
            Objects.requireNonNull(tag, "tag");
            synchronized (lock) {
                return Optional.ofNullable(repository(image, "read a tag of").tags.get(tag.value())).map(Manifest::digest);
            }
        }

        @Override
        public List<ImageTag> tags(ImageRepository image) {
            synchronized (lock) {
                return repository(image, "list the tags of").tags.keySet().stream().map(ImageTag::of).toList();
            }
        }

        @Override
        public Digest retag(ImageRepository image, ImageTag from, ImageTag to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            synchronized (lock) {
                Repository r = repository(image, "retag an image of");
                Manifest source = r.tags.get(from.value());
                if (source == null) {
                    throw new ImageNotFoundException(image, from, ID);
                }
                Manifest target = r.tags.get(to.value());
                if (target != null && !target.digest().equals(source.digest())
                        && (r.mutability == Mutability.IMMUTABLE || r.mutability == Mutability.MIXED)) {
                    throw new ImageTagConflictException(image, to, target.digest(), source.digest());
                }
                r.tags.put(to.value(), source);
                return source.digest();
            }
        }

        @Override
        public Mutability mutability(ImageRepository image) {
            synchronized (lock) {
                return repository(image, "read the mutability of").mutability;
            }
        }

        @Override
        public void close() {
            // nothing to release: the store belongs to the backend
        }

        @Override
        public String toString() {
            return InMemoryRegistry.this.toString();
        }
    }
}
