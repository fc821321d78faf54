package dev.slipway.tck.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageNotFoundException;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ImageTagConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RegistryBackend} passes: rules {@code REG-1} to {@code REG-14} of
 * {@link RegistryBackend} and {@link ImageRegistry}, each test tagged with the rule it checks. An adapter's
 * test extends this class, implements the factory and the two fixtures through which the kit seeds and
 * reads the registry, and overrides the hooks for what its registry can do:
 *
 * <pre>{@code
 * class MyRegistryTest extends RegistryBackendContract {
 *     protected RegistryBackend createBackend() { return new MyRegistryBackend(); }
 *     protected RegistrySettings settings() { return RegistrySettings.NONE.withUrl(server.url()); }
 *     protected ImageRepository repository(String path) { return ImageRepository.of(server.host() + "/" + path); }
 *     protected void push(ImageRepository repository, ImageTag tag, TestImage image) { server.push(...); }
 *     protected Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag) { return server.read(...); }
 * }
 * }</pre>
 *
 * <p>The kit brings its own images ({@link TestImage}: an OCI manifest, an OCI index, a Docker manifest and
 * a Docker manifest list, written with unusual JSON formatting so that re-serialising changes the digest)
 * and uses a fresh repository for every test. It reads no ambient configuration and needs no network
 * beyond what the subclass's registry uses (a loopback process or fake).
 *
 * <p>The backend is created and opened before each test (in {@link BeforeEach}), so subclass fields are
 * set by then; the registry client is closed after it.
 */
public abstract class RegistryBackendContract {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Keeps repository names of two runs against one long-lived registry apart. */
    private static final String RUN = runId();

    /** The repository the kit asks an unreachable client about: no registry host, the client's own registry. */
    private static final ImageRepository UNREACHABLE_REPOSITORY = ImageRepository.of("kit/unreachable");

    private RegistryBackend backend;
    private ImageRegistry registry;
    private final List<ImageRegistry> opened = new ArrayList<>();

    /**
     * Creates this kit; subclasses declare their own no-arg constructor.
     */
    protected RegistryBackendContract() {
    }

    /**
     * Creates the backend under test. Called before each test.
     *
     * @return a new backend
     */
    protected abstract RegistryBackend createBackend();

    /**
     * The settings the backend is opened with (default: {@link RegistrySettings#NONE}).
     *
     * @return the settings
     */
    protected RegistrySettings settings() {
        return RegistrySettings.NONE;
    }

    /**
     * The repository the kit uses for a path, on the registry under test (default: the path as is).
     *
     * @param path a fresh repository path, such as {@code kit-ab12cd/digest-3}
     * @return the repository, for example {@code 127.0.0.1:5000/kit-ab12cd/digest-3}
     */
    protected ImageRepository repository(String path) {
        return ImageRepository.of(path);
    }

    /**
     * Creates a repository before the kit pushes to it (default: nothing, for registries that create
     * repositories on the first push). Called with {@link Mutability#IMMUTABLE} only when
     * {@link #immutableRepositories()} is true.
     *
     * @param repository the repository
     * @param mutability {@link Mutability#MUTABLE} or {@link Mutability#IMMUTABLE}
     */
    protected void createRepository(ImageRepository repository, Mutability mutability) {
    }

    /**
     * Seeds the registry: stores an image under a tag, as a push does (for an index, its child manifests by
     * digest first; the blobs before the manifest), bypassing the backend under test. Overwrites the tag
     * even in an immutable repository.
     *
     * @param repository the repository
     * @param tag the tag
     * @param image the image
     */
    protected abstract void push(ImageRepository repository, ImageTag tag, TestImage image);

    /**
     * Reads what the registry holds under a tag, bypassing the backend under test.
     *
     * @param repository the repository
     * @param tag the tag
     * @return the manifest's exact bytes and media type, or empty when the tag does not exist
     */
    protected abstract Optional<StoredManifest> stored(ImageRepository repository, ImageTag tag);

    /**
     * Whether the registry can make a repository's tags immutable through {@link #createRepository}
     * (default false); the rules about immutable tags run only when it can.
     *
     * @return whether immutable repositories can be created
     */
    protected boolean immutableRepositories() {
        return false;
    }

    /**
     * Whether the registry reports mutability (default true); when false, {@code REG-11} expects
     * {@link Mutability#UNKNOWN}.
     *
     * @return whether mutability is reported
     */
    protected boolean reportsMutability() {
        return true;
    }

    /**
     * Whether the registry tells an unknown repository from an empty one (default true); when false,
     * {@code REG-5} expects the answers of an empty repository.
     *
     * @return whether unknown repositories are reported
     */
    protected boolean reportsUnknownRepositories() {
        return true;
    }

    /**
     * A repository on a registry this backend, as opened, does not serve ({@code REG-2}); empty when it
     * serves any (default).
     *
     * @return the foreign repository, if there is one
     */
    protected Optional<ImageRepository> foreignRepository() {
        return Optional.empty();
    }

    /**
     * Settings that are malformed for this backend ({@code REG-1}); each must be refused by {@code open}
     * with an {@link InvalidInputException}. Default: none.
     *
     * @return the malformed settings
     */
    protected List<RegistrySettings> malformedSettings() {
        return List.of();
    }

    /**
     * A client of a registry that cannot be reached (a closed loopback port, an outage), for
     * {@code REG-1} and {@code REG-12}; the kit asks it about {@code kit/unreachable}, an image without a
     * registry host, which the client must take as one of its own registry's. Default: the backend opened with {@link #unreachableSettings()},
     * when there are such settings.
     *
     * @return the client, if the subclass can make one
     */
    protected Optional<ImageRegistry> openUnreachable() {
        return unreachableSettings().map(s -> createBackend().open(s));
    }

    /**
     * Settings that point the backend at a registry that cannot be reached (default: none).
     *
     * @return the settings, if any
     */
    protected Optional<RegistrySettings> unreachableSettings() {
        return Optional.empty();
    }

    /**
     * Secrets the subclass handed to the backend (passwords, tokens, keys); {@code REG-13} checks that none
     * appears in {@code toString()} or in the message of any exception the kit provokes. Default: none.
     *
     * @return the secrets
     */
    protected Set<String> secrets() {
        return Set.of();
    }

    @BeforeEach
    void openRegistryUnderTest() {
        backend = createBackend();
        assertThat(backend).as("createBackend()").isNotNull();
        registry = open(settings());
    }

    @AfterEach
    void closeOpenedRegistries() {
        for (ImageRegistry r : opened) {
            r.close();
        }
        opened.clear();
    }

    private ImageRegistry open(RegistrySettings settings) {
        ImageRegistry r = backend.open(settings);
        assertThat(r).as("open(%s)", settings).isNotNull();
        opened.add(r);
        return r;
    }

    /** A fresh repository, created mutable (or immutable), for one test. */
    private ImageRepository fresh(String name, Mutability mutability) {
        ImageRepository repository = repository("kit-" + RUN + "/" + name + "-" + COUNTER.incrementAndGet());
        createRepository(repository, mutability);
        return repository;
    }

    private ImageRepository fresh(String name) {
        return fresh(name, Mutability.MUTABLE);
    }

    /** A repository name the kit never creates. */
    private ImageRepository unknown() {
        return repository("kit-" + RUN + "/never-created-" + COUNTER.incrementAndGet());
    }

    private static ImageTag tag(String tag) {
        return ImageTag.of(tag);
    }

    private static String runId() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return sb.toString();
    }

    private void assertNoSecret(Object... things) {
        for (String secret : secrets()) {
            for (Object thing : things) {
                if (thing == null) {
                    continue;
                }
                String text = thing instanceof Throwable t ? describe(t) : thing.toString();
                assertThat(text).as("REG-13: no secret in %s", thing.getClass().getName()).doesNotContain(secret);
            }
        }
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    @Nested
    @DisplayName("REG-1: opening")
    class Opening {

        @Test
        @Tag("REG-1")
        @DisplayName("REG-1: a backend opens with no settings, and the client closes without having been used")
        void opensWithDefaults() {
            assertThatCode(() -> open(RegistrySettings.NONE).close()).doesNotThrowAnyException();
        }

        @Test
        @Tag("REG-1")
        @DisplayName("REG-1: opening does no I/O: a client of an unreachable registry opens, and fails only when used")
        void noIoOnOpen() {
            Optional<ImageRegistry> unreachable = openUnreachable();
            assumeTrue(unreachable.isPresent(), "the subclass offers no unreachable registry");
            try (ImageRegistry r = unreachable.get()) {
                Throwable failure = catchThrowable(() -> r.digest(UNREACHABLE_REPOSITORY, tag("1.0.0")));
                assertThat(failure).isInstanceOf(BackendException.class);
            }
        }

        @Test
        @Tag("REG-1")
        @DisplayName("REG-1: settings that are malformed for the backend are an InvalidInputException")
        void malformedSettingsAreRefused() {
            for (RegistrySettings malformed : malformedSettings()) {
                assertThatThrownBy(() -> open(malformed)).as("open(%s)", malformed)
                        .isInstanceOf(InvalidInputException.class);
            }
        }
    }

    @Nested
    @DisplayName("REG-2: the registry served")
    class Foreign {

        @Test
        @Tag("REG-2")
        @DisplayName("REG-2: an image on a registry the client does not serve is an InvalidInputException naming it")
        void foreignImage() {
            Optional<ImageRepository> foreign = foreignRepository();
            assumeTrue(foreign.isPresent(), "the backend serves any registry");
            for (Function<ImageRegistry, Object> call : List.<Function<ImageRegistry, Object>>of(
                    r -> r.digest(foreign.get(), tag("1.0.0")), r -> r.tags(foreign.get()),
                    r -> r.retag(foreign.get(), tag("1.0.0"), tag("1.0.1")), r -> r.mutability(foreign.get()))) {
                assertThatThrownBy(() -> call.apply(registry))
                        .isInstanceOf(InvalidInputException.class)
                        .isNotInstanceOf(ImageRepositoryNotFoundException.class)
                        .hasMessageContaining(foreign.get().value());
            }
        }
    }

    @Nested
    @DisplayName("REG-3, REG-4: the digest of a tag")
    class Digests {

        @Test
        @Tag("REG-3")
        @DisplayName("REG-3: a tag that does not exist is reported absent, not as an error")
        void absentTag() {
            ImageRepository repository = fresh("absent");
            push(repository, tag("1.0.0"), TestImage.ociManifest("absent"));
            assertThat(registry.digest(repository, tag("1.0.1"))).isEmpty();
            assertThat(registry.digest(repository, tag("1.0.0-rc0001-g1234567"))).isEmpty();
            // tags are case-sensitive
            assertThat(registry.digest(repository, tag("Latest"))).isEmpty();
        }

        @Test
        @Tag("REG-4")
        @DisplayName("REG-4: the digest is the sha256 of the manifest's exact bytes, for each kind of image")
        void digestOfEachKind() {
            ImageRepository repository = fresh("digest");
            List<TestImage> images = TestImage.eachKind("digest");
            for (int i = 0; i < images.size(); i++) {
                push(repository, tag("v" + i), images.get(i));
            }
            for (int i = 0; i < images.size(); i++) {
                assertThat(registry.digest(repository, tag("v" + i))).as("%s", images.get(i))
                        .contains(Digest.sha256(images.get(i).manifest()));
            }
        }

        @Test
        @Tag("REG-4")
        @DisplayName("REG-4: a multi-platform image's digest is the index's own, never one platform's")
        void indexDigest() {
            ImageRepository repository = fresh("index");
            for (TestImage index : List.of(TestImage.ociIndex("index"), TestImage.dockerManifestList("index"))) {
                push(repository, tag("multi"), index);
                Digest digest = registry.digest(repository, tag("multi")).orElseThrow();
                assertThat(digest).isEqualTo(index.digest());
                assertThat(index.children()).extracting(TestImage::digest).doesNotContain(digest);
            }
        }

        @Test
        @Tag("REG-4")
        @DisplayName("REG-4: a tag pushed again with another image reports the new digest")
        void movedTag() {
            ImageRepository repository = fresh("moved");
            push(repository, tag("latest"), TestImage.ociManifest("first"));
            TestImage second = TestImage.dockerManifest("second");
            push(repository, tag("latest"), second);
            assertThat(registry.digest(repository, tag("latest"))).contains(second.digest());
        }
    }

    @Nested
    @DisplayName("REG-5: unknown repositories")
    class UnknownRepositories {

        @Test
        @Tag("REG-5")
        @DisplayName("REG-5: every operation on an unknown repository raises ImageRepositoryNotFoundException naming it")
        void unknownRepository() {
            ImageRepository unknown = unknown();
            if (!reportsUnknownRepositories()) {
                assertThat(registry.digest(unknown, tag("1.0.0"))).isEmpty();
                assertThat(registry.tags(unknown)).isEmpty();
                assertThatThrownBy(() -> registry.retag(unknown, tag("1.0.0"), tag("1.0.1")))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining(unknown.value());
                return;
            }
            for (Function<ImageRegistry, Object> call : List.<Function<ImageRegistry, Object>>of(
                    r -> r.digest(unknown, tag("1.0.0")), r -> r.tags(unknown),
                    r -> r.retag(unknown, tag("1.0.0"), tag("1.0.1")), r -> r.mutability(unknown))) {
                Throwable failure = catchThrowable(() -> call.apply(registry));
                assertThat(failure).isInstanceOfSatisfying(ImageRepositoryNotFoundException.class,
                        e -> assertThat(e.repository()).isEqualTo(unknown))
                        .hasMessageContaining(unknown.value());
                assertNoSecret(failure);
            }
        }
    }

    @Nested
    @DisplayName("REG-6: listing tags")
    class Tags {

        @Test
        @Tag("REG-6")
        @DisplayName("REG-6: every tag is listed once, sorted by its text, whatever the order of pushes")
        void sortedAndComplete() {
            ImageRepository repository = fresh("tags");
            TestImage a = TestImage.ociManifest("tags-a");
            TestImage b = TestImage.dockerManifest("tags-b");
            List<String> names = new ArrayList<>(List.of("latest", "0.10.0", "0.9.0", "1.0.0", "1.0.0-rc0010-g1234567",
                    "1.0.0-rc0009-gabcdef0", "A", "Z", "_x", "a", "z", "0.2.3-rc0029-g1234567", "hotfix-123"));
            for (int i = 0; i < 22; i++) {
                names.add(String.format("build-%03d", 21 - i));
            }
            for (int i = 0; i < names.size(); i++) {
                push(repository, tag(names.get(i)), i % 2 == 0 ? a : b);
            }
            List<String> expected = names.stream().sorted().toList();
            assertThat(registry.tags(repository)).extracting(ImageTag::value).containsExactlyElementsOf(expected);
        }

        @Test
        @Tag("REG-6")
        @DisplayName("REG-6: a tag pushed twice is listed once; a repository with one tag lists it")
        void distinct() {
            ImageRepository repository = fresh("distinct");
            push(repository, tag("1.0.0"), TestImage.ociManifest("d1"));
            assertThat(registry.tags(repository)).containsExactly(tag("1.0.0"));
            push(repository, tag("1.0.0"), TestImage.ociManifest("d2"));
            assertThat(registry.tags(repository)).containsExactly(tag("1.0.0"));
        }
    }

    @Nested
    @DisplayName("REG-7 to REG-10: retagging")
    class Retagging {

        @Test
        @Tag("REG-7")
        @DisplayName("REG-7: retag copies the exact bytes and media type of each kind of image and returns the digest")
        void exactBytes() {
            ImageRepository repository = fresh("retag");
            for (TestImage image : TestImage.eachKind("retag")) {
                String kind = Integer.toHexString(image.mediaType().hashCode());
                ImageTag from = tag("rc-" + kind);
                ImageTag to = tag("release-" + kind);
                push(repository, from, image);
                StoredManifest before = stored(repository, from).orElseThrow();
                assertThat(before.bytes()).as("the fixture stores the kit's bytes").isEqualTo(image.manifest());

                Digest digest = registry.retag(repository, from, to);

                assertThat(digest).isEqualTo(image.digest());
                assertThat(stored(repository, to)).as("%s", image).contains(before);
                assertThat(stored(repository, from)).contains(before);
                assertThat(registry.digest(repository, to)).contains(digest);
                assertThat(registry.digest(repository, from)).contains(digest);
            }
        }

        @Test
        @Tag("REG-7")
        @DisplayName("REG-7: retag leaves every other tag as it was")
        void otherTagsUnchanged() {
            ImageRepository repository = fresh("others");
            TestImage one = TestImage.ociManifest("one");
            TestImage two = TestImage.ociManifest("two");
            push(repository, tag("one"), one);
            push(repository, tag("two"), two);
            registry.retag(repository, tag("one"), tag("three"));
            assertThat(registry.tags(repository)).extracting(ImageTag::value).containsExactly("one", "three", "two");
            assertThat(registry.digest(repository, tag("two"))).contains(two.digest());
            assertThat(stored(repository, tag("two")).orElseThrow().bytes()).isEqualTo(two.manifest());
        }

        @Test
        @Tag("REG-8")
        @DisplayName("REG-8: retag from a tag that does not exist is an ImageNotFoundException, and writes nothing")
        void missingSource() {
            ImageRepository repository = fresh("missing");
            push(repository, tag("present"), TestImage.ociManifest("missing"));
            Throwable failure = catchThrowable(() -> registry.retag(repository, tag("absent"), tag("target")));
            assertThat(failure).isInstanceOfSatisfying(ImageNotFoundException.class, e -> {
                assertThat(e.repository()).isEqualTo(repository);
                assertThat(e.tag()).isEqualTo(tag("absent"));
            }).hasMessageContaining(repository.value()).hasMessageContaining("absent");
            assertNoSecret(failure);
            assertThat(stored(repository, tag("target"))).isEmpty();
            assertThat(registry.tags(repository)).containsExactly(tag("present"));
        }

        @Test
        @Tag("REG-9")
        @DisplayName("REG-9: retag is idempotent: the same digest already under the target tag is success")
        void idempotent() {
            ImageRepository repository = fresh("idempotent");
            TestImage image = TestImage.dockerManifestList("idempotent");
            push(repository, tag("rc"), image);
            assertThat(registry.retag(repository, tag("rc"), tag("1.0.0"))).isEqualTo(image.digest());
            assertThat(registry.retag(repository, tag("rc"), tag("1.0.0"))).isEqualTo(image.digest());
            assertThat(stored(repository, tag("1.0.0")).orElseThrow().bytes()).isEqualTo(image.manifest());
        }

        @Test
        @Tag("REG-9")
        @DisplayName("REG-9: retag to the same tag is success and changes nothing")
        void sameTag() {
            ImageRepository repository = fresh("same");
            TestImage image = TestImage.ociIndex("same");
            push(repository, tag("1.0.0"), image);
            assertThat(registry.retag(repository, tag("1.0.0"), tag("1.0.0"))).isEqualTo(image.digest());
            assertThat(registry.tags(repository)).containsExactly(tag("1.0.0"));
            assertThat(stored(repository, tag("1.0.0")).orElseThrow().bytes()).isEqualTo(image.manifest());
        }

        @Test
        @Tag("REG-9")
        @DisplayName("REG-9: in an immutable repository, the same digest already under the target tag is success too")
        void idempotentWhenImmutable() {
            assumeTrue(immutableRepositories(), "the registry cannot make immutable repositories");
            ImageRepository repository = fresh("immutable-same", Mutability.IMMUTABLE);
            TestImage image = TestImage.ociManifest("immutable-same");
            push(repository, tag("rc"), image);
            push(repository, tag("1.0.0"), image);
            assertThat(registry.retag(repository, tag("rc"), tag("1.0.0"))).isEqualTo(image.digest());
            assertThat(registry.retag(repository, tag("rc"), tag("2.0.0"))).isEqualTo(image.digest());
            assertThat(registry.retag(repository, tag("rc"), tag("2.0.0"))).isEqualTo(image.digest());
        }

        @Test
        @Tag("REG-10")
        @DisplayName("REG-10: in a mutable repository, a target tag holding another image moves to the new one")
        void mutableMoves() {
            ImageRepository repository = fresh("mutable");
            TestImage old = TestImage.ociManifest("old");
            TestImage current = TestImage.dockerManifest("new");
            push(repository, tag("latest"), old);
            push(repository, tag("1.1.0"), current);
            assertThat(registry.retag(repository, tag("1.1.0"), tag("latest"))).isEqualTo(current.digest());
            assertThat(registry.digest(repository, tag("latest"))).contains(current.digest());
            assertThat(stored(repository, tag("latest")).orElseThrow().mediaType()).isEqualTo(TestImage.DOCKER_MANIFEST);
        }

        @Test
        @Tag("REG-10")
        @DisplayName("REG-10: in an immutable repository, a target tag holding another image is a conflict naming both digests")
        void immutableConflict() {
            assumeTrue(immutableRepositories(), "the registry cannot make immutable repositories");
            ImageRepository repository = fresh("conflict", Mutability.IMMUTABLE);
            TestImage taken = TestImage.ociManifest("taken");
            TestImage candidate = TestImage.ociManifest("candidate");
            push(repository, tag("1.0.0"), taken);
            push(repository, tag("rc"), candidate);
            Throwable failure = catchThrowable(() -> registry.retag(repository, tag("rc"), tag("1.0.0")));
            assertThat(failure).isInstanceOfSatisfying(ImageTagConflictException.class, e -> {
                assertThat(e.existing()).isEqualTo(taken.digest());
                assertThat(e.requested()).isEqualTo(candidate.digest());
                assertThat(e.repository()).isEqualTo(repository);
                assertThat(e.tag()).isEqualTo(tag("1.0.0"));
            }).hasMessageContaining(taken.digest().value()).hasMessageContaining(candidate.digest().value());
            assertNoSecret(failure);
            assertThat(registry.digest(repository, tag("1.0.0"))).contains(taken.digest());
            assertThat(stored(repository, tag("1.0.0")).orElseThrow().bytes()).isEqualTo(taken.manifest());
        }
    }

    @Nested
    @DisplayName("REG-11: mutability")
    class Mutabilities {

        @Test
        @Tag("REG-11")
        @DisplayName("REG-11: a mutable repository reports MUTABLE, or UNKNOWN when the registry cannot say")
        void mutable() {
            ImageRepository repository = fresh("mutability");
            push(repository, tag("1.0.0"), TestImage.ociManifest("mutability"));
            assertThat(registry.mutability(repository))
                    .isEqualTo(reportsMutability() ? Mutability.MUTABLE : Mutability.UNKNOWN);
        }

        @Test
        @Tag("REG-11")
        @DisplayName("REG-11: an immutable repository reports IMMUTABLE, or UNKNOWN when the registry cannot say")
        void immutable() {
            assumeTrue(immutableRepositories(), "the registry cannot make immutable repositories");
            ImageRepository repository = fresh("immutability", Mutability.IMMUTABLE);
            push(repository, tag("1.0.0"), TestImage.ociManifest("immutability"));
            assertThat(registry.mutability(repository))
                    .isEqualTo(reportsMutability() ? Mutability.IMMUTABLE : Mutability.UNKNOWN);
        }
    }

    @Nested
    @DisplayName("REG-12, REG-13: failures and secrets")
    class Failures {

        @Test
        @Tag("REG-12")
        @DisplayName("REG-12: an unreachable registry is a BackendException naming the image, from every operation")
        void unreachable() {
            Optional<ImageRegistry> unreachable = openUnreachable();
            assumeTrue(unreachable.isPresent(), "the subclass offers no unreachable registry");
            ImageRepository repository = UNREACHABLE_REPOSITORY;
            try (ImageRegistry r = unreachable.get()) {
                for (Function<ImageRegistry, Object> call : List.<Function<ImageRegistry, Object>>of(
                        c -> c.digest(repository, tag("1.0.0")), c -> c.tags(repository),
                        c -> c.retag(repository, tag("1.0.0"), tag("1.0.1")), c -> c.mutability(repository))) {
                    Throwable failure = catchThrowable(() -> call.apply(r));
                    assertThat(failure).isInstanceOf(BackendException.class).hasMessageContaining(repository.value());
                    assertNoSecret(failure);
                }
            }
        }

        @Test
        @Tag("REG-13")
        @DisplayName("REG-13: no secret appears in the backend's or the client's toString")
        void noSecretInToString() {
            assertNoSecret(backend, registry);
            ImageRepository repository = fresh("secrets");
            push(repository, tag("1.0.0"), TestImage.ociManifest("secrets"));
            registry.digest(repository, tag("1.0.0"));
            assertNoSecret(backend, registry);
        }
    }

    @Nested
    @DisplayName("REG-14: closing")
    class Closing {

        @Test
        @Tag("REG-14")
        @DisplayName("REG-14: close may be called twice, and other clients of the backend stay usable")
        void closeTwice() {
            ImageRepository repository = fresh("close");
            TestImage image = TestImage.ociManifest("close");
            push(repository, tag("1.0.0"), image);
            ImageRegistry other = open(settings());
            assertThat(other.digest(repository, tag("1.0.0"))).contains(image.digest());
            other.close();
            other.close();
            assertThat(registry.digest(repository, tag("1.0.0"))).contains(image.digest());
            assertThat(backend.open(settings())).satisfies(fresh -> {
                opened.add(fresh);
                assertThat(fresh.tags(repository)).containsExactly(tag("1.0.0"));
            });
        }
    }
}
