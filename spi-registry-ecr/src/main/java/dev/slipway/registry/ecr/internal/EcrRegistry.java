package dev.slipway.registry.ecr.internal;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageDigestDoesNotMatchException;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * An {@link ImageRegistry} on ECR's API: DescribeImages for digests, ListImages (TAGGED, every page) for tags,
 * BatchGetImage then PutImage with the same manifest string and media type (the source digest as a guard) for
 * retags, DescribeRepositories for mutability.
 */
public final class EcrRegistry implements ImageRegistry {

    /** The manifest media types a retag accepts, so ECR returns every image as stored, never converted. */
    static final List<String> ACCEPTED_MEDIA_TYPES = List.of("application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern REPOSITORY_NAME = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");

    private final EcrClients clients;

    /** Where an image lives in ECR. */
    private record Target(ImageRepository image, Optional<String> registryId, Region region, String name) {

        String registry() {
            return "Amazon ECR " + registryId.map(id -> "registry " + id).orElse("(the credentials' account)") + " in "
                    + region.id();
        }
    }

    /**
     * A client over a factory of SDK clients.
     *
     * @param clients the factory, which this registry closes
     */
    public EcrRegistry(EcrClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    private Target target(ImageRepository image) {
        Objects.requireNonNull(image, "image");
        Optional<EcrClients.Host> host = Optional.empty();
        if (image.registry().isPresent()) {
            host = EcrClients.parseHost(image.registry().get());
            if (host.isEmpty()) {
                throw new InvalidInputException(image.value(), "the image " + image + " is not in Amazon ECR: its host "
                        + image.registry().get() + " is not <account>.dkr.ecr.<region>.amazonaws.com; use the registry-oci"
                        + " backend for other registries");
            }
        }
        String name = image.path();
        if (name.length() < 2 || name.length() > 256 || !REPOSITORY_NAME.matcher(name).matches()) {
            throw new InvalidInputException(image.value(), "the image " + image + " names the ECR repository '" + name
                    + "', which is not 2 to 256 characters of the form [a-z0-9]+((.|_|__|-+)[a-z0-9]+)*(/...)*");
        }
        return new Target(image, host.map(EcrClients.Host::registryId), clients.region(host, image.value()), name);
    }

    @Override
    public Optional<Digest> digest(ImageRepository image, ImageTag tag) {
        Objects.requireNonNull(tag, "tag");
        Target t = target(image);
        return call(t, "read the tag " + tag + " of", "DescribeImages", () -> {
            try {
                List<ImageDetail> details = client(t).describeImages(r -> r.registryId(t.registryId().orElse(null))
                        .repositoryName(t.name()).imageIds(ImageIdentifier.builder().imageTag(tag.value()).build()))
                        .imageDetails();
                return details.stream().map(ImageDetail::imageDigest).filter(Objects::nonNull).findFirst()
                        .map(d -> digest(t, d));
            } catch (software.amazon.awssdk.services.ecr.model.ImageNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<ImageTag> tags(ImageRepository image) {
        Target t = target(image);
        return call(t, "list the tags of", "ListImages", () -> {
            TreeSet<String> tags = new TreeSet<>();
            client(t).listImagesPaginator(r -> r.registryId(t.registryId().orElse(null)).repositoryName(t.name())
                    .filter(f -> f.tagStatus(TagStatus.TAGGED))).imageIds().forEach(id -> {
                        if (id.imageTag() != null) {
                            tags.add(id.imageTag());
                        }
                    });
            return tags.stream().map(ImageTag::of).toList();
        });
    }

    @Override
    public Digest retag(ImageRepository image, ImageTag from, ImageTag to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Target t = target(image);
        Image source = call(t, "read the tag " + from + " of", "BatchGetImage", () -> {
            BatchGetImageResponse got = client(t).batchGetImage(r -> r.registryId(t.registryId().orElse(null))
                    .repositoryName(t.name()).imageIds(ImageIdentifier.builder().imageTag(from.value()).build())
                    .acceptedMediaTypes(ACCEPTED_MEDIA_TYPES));
            if (!got.images().isEmpty()) {
                return got.images().get(0);
            }
            Optional<ImageFailure> failure = got.failures().stream().findFirst();
            if (failure.isEmpty() || failure.get().failureCode() == ImageFailureCode.IMAGE_NOT_FOUND) {
                throw new ImageNotFoundException(image, from, t.registry());
            }
            throw new BackendException(t.registry() + " failed to read the tag " + from + " of " + image + ": "
                    + failure.get().failureCodeAsString() + (failure.get().failureReason() == null ? ""
                            : " (" + failure.get().failureReason() + ")"));
        });
        String manifest = source.imageManifest();
        if (manifest == null || source.imageId() == null || source.imageId().imageDigest() == null) {
            throw new BackendException(t.registry() + " returned " + image + ":" + from + " without its manifest or digest");
        }
        Digest digest = digest(t, source.imageId().imageDigest());
        if (!Digest.sha256(manifest).equals(digest)) {
            throw new BackendException(t.registry() + " returned " + image + ":" + from + " in another form than stored"
                    + " (its manifest's digest is " + Digest.sha256(manifest) + ", not " + digest + "; a Docker schema 1"
                    + " image?); retag nothing: push the image again in a current format");
        }
        if (from.equals(to)) {
            return digest;
        }
        String operation = "tag " + digest + " as " + to + " in";
        return call(t, operation, "PutImage", () -> {
            try {
                Image put = client(t).putImage(r -> r.registryId(t.registryId().orElse(null)).repositoryName(t.name())
                        .imageManifest(manifest).imageManifestMediaType(source.imageManifestMediaType())
                        .imageTag(to.value()).imageDigest(digest.value())).image();
                if (put != null && put.imageId() != null && put.imageId().imageDigest() != null
                        && !digest(t, put.imageId().imageDigest()).equals(digest)) {
                    throw new BackendException(t.registry() + " stored " + image + ":" + to + " as "
                            + put.imageId().imageDigest() + " instead of " + digest);
                }
                return digest;
            } catch (ImageAlreadyExistsException e) {
                // the tag already names this very image: nothing to do
                return digest;
            } catch (ImageTagAlreadyExistsException e) {
                Optional<Digest> existing = digest(image, to);
                if (existing.isPresent() && existing.get().equals(digest)) {
                    return digest;
                }
                throw new ImageTagConflictException(image, to, existing.orElseThrow(() -> new BackendException(t.registry()
                        + " refused the tag " + to + " of " + image + " as taken, but does not report its image")), digest);
            } catch (ImageDigestDoesNotMatchException e) {
                throw new BackendException(t.registry() + " computed another digest than " + digest + " for the manifest of "
                        + image + ":" + from + "; nothing was tagged");
            }
        });
    }

    @Override
    public Mutability mutability(ImageRepository image) {
        Target t = target(image);
        return call(t, "read the mutability of", "DescribeRepositories", () -> {
            var repositories = client(t).describeRepositories(r -> r.registryId(t.registryId().orElse(null))
                    .repositoryNames(t.name())).repositories();
            if (repositories.isEmpty()) {
                throw new ImageRepositoryNotFoundException(image, t.registry());
            }
            ImageTagMutability m = repositories.get(0).imageTagMutability();
            if (m == null) {
                return Mutability.UNKNOWN;
            }
            return switch (m) {
                case MUTABLE -> Mutability.MUTABLE;
                case IMMUTABLE -> Mutability.IMMUTABLE;
                case IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION -> Mutability.MIXED;
                default -> Mutability.UNKNOWN;
            };
        });
    }

    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "EcrRegistry[" + clients + "]";
    }

    private EcrClient client(Target t) {
        return clients.client(t.region());
    }

    private static Digest digest(Target t, String text) {
        try {
            return Digest.of(text);
        } catch (InvalidInputException e) {
            throw new BackendException(t.registry() + " answered with an image digest that is not one: " + e.getMessage());
        }
    }

    /** Runs one ECR operation, mapping the SDK's exceptions to Slipway's. */
    private <T> T call(Target t, String operation, String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (RepositoryNotFoundException e) {
            throw new ImageRepositoryNotFoundException(t.image(), t.registry());
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String failing = t.registry() + " failed to " + operation + " " + t.image();
            if (e.isThrottlingException()) {
                throw new BackendException(failing + ": it kept throttling (" + code + " after " + clients.maxAttempts()
                        + " attempts); retry later, or give the backend a retry strategy with more attempts", e);
            }
            if (e.statusCode() == 403 || (code != null && code.contains("AccessDenied"))) {
                throw new BackendException(failing + ": access denied (" + code + "); the credentials from "
                        + clients.credentialsSource() + " need ecr:" + action + " on " + t.name(), e);
            }
            if (e.statusCode() == 401 || "UnrecognizedClientException".equals(code)
                    || "InvalidSignatureException".equals(code) || "ExpiredTokenException".equals(code)) {
                throw new BackendException(failing + ": the credentials from " + clients.credentialsSource()
                        + " were refused (" + code + "); renew them", e);
            }
            throw new BackendException(failing + ": " + (code == null ? "HTTP " + e.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : " (" + message + ")")
                    + (e.statusCode() >= 500 ? " after " + clients.maxAttempts() + " attempts; retry later" : ""), e);
        } catch (SdkClientException e) {
            throw new BackendException(t.registry() + " failed to " + operation + " " + t.image() + ": " + e.getMessage()
                    + "; check the network, registry.endpoint and " + clients.credentialsSource(), e);
        } catch (SdkException e) {
            throw new BackendException(t.registry() + " failed to " + operation + " " + t.image() + ": " + e.getMessage(), e);
        }
    }
}
