package dev.slipway.tck.registry;

import dev.slipway.api.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image the registry kit pushes: a manifest's exact bytes and media type, the blobs it references
 * (config and layers), and, for an index or manifest list, the manifests it references (push those first,
 * by digest). The manifests are written with unusual but valid JSON formatting (indentation, key order,
 * spacing, a trailing newline), so a backend that re-serialises a manifest changes its digest and fails.
 *
 * @param mediaType the manifest's media type
 * @param manifest the manifest's exact bytes
 * @param blobs the blobs it references, by digest (empty for an index)
 * @param children the manifests an index or manifest list references (empty for an image manifest)
 */
public record TestImage(String mediaType, byte[] manifest, Map<Digest, byte[]> blobs, List<TestImage> children) {

    /** An OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    /** An OCI image index. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** A Docker image manifest, schema 2. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    /** A Docker manifest list. */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /**
     * Copies the parts.
     */
    public TestImage {
        Objects.requireNonNull(mediaType, "mediaType");
        manifest = Objects.requireNonNull(manifest, "manifest").clone();
        Map<Digest, byte[]> copy = new LinkedHashMap<>();
        Objects.requireNonNull(blobs, "blobs").forEach((d, b) -> copy.put(d, b.clone()));
        blobs = java.util.Collections.unmodifiableMap(copy);
        children = List.copyOf(children);
    }

    /**
     * The manifest's exact bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    /**
     * The blobs, by digest.
     *
     * @return the blobs (each value is a copy)
     */
    @Override
    public Map<Digest, byte[]> blobs() {
        Map<Digest, byte[]> copy = new LinkedHashMap<>();
        blobs.forEach((d, b) -> copy.put(d, b.clone()));
        return copy;
    }

    /**
     * The manifest's digest: what a registry must report for it.
     *
     * @return the sha256 of the manifest's bytes
     */
    public Digest digest() {
        return Digest.sha256(manifest);
    }

    /**
     * Whether this is an index or manifest list.
     *
     * @return true when it references manifests
     */
    public boolean isIndex() {
        return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_MANIFEST_LIST);
    }

    /**
     * Equal when the media types and all bytes are.
     *
     * @param other the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TestImage t) || !t.mediaType.equals(mediaType) || !Arrays.equals(t.manifest, manifest)
                || !t.children.equals(children) || !t.blobs.keySet().equals(blobs.keySet())) {
            return false;
        }
        return blobs.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), t.blobs.get(e.getKey())));
    }

    /**
     * A hash of the media type and manifest.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(manifest);
    }

    /**
     * The media type, digest and size.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return "TestImage[" + mediaType + ", " + digest() + ", " + manifest.length + " bytes, " + blobs.size() + " blobs, "
                + children.size() + " children]";
    }

    /**
     * A one-layer OCI image manifest, unique to the seed.
     *
     * @param seed makes the image's bytes (and so its digest) unique
     * @return the image
     */
    public static TestImage ociManifest(String seed) {
        return manifest(seed, OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
                "application/vnd.oci.image.layer.v1.tar+gzip", "amd64");
    }

    /**
     * A one-layer Docker schema 2 manifest, unique to the seed.
     *
     * @param seed makes the image unique
     * @return the image
     */
    public static TestImage dockerManifest(String seed) {
        return manifest(seed, DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json",
                "application/vnd.docker.image.rootfs.diff.tar.gzip", "amd64");
    }

    /**
     * An OCI image index of two platform manifests (linux/amd64, linux/arm64), unique to the seed.
     *
     * @param seed makes the image unique
     * @return the index with its two manifests as children
     */
    public static TestImage ociIndex(String seed) {
        return index(seed, OCI_INDEX, OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
                "application/vnd.oci.image.layer.v1.tar+gzip");
    }

    /**
     * A Docker manifest list of two platform manifests, unique to the seed.
     *
     * @param seed makes the image unique
     * @return the list with its two manifests as children
     */
    public static TestImage dockerManifestList(String seed) {
        return index(seed, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json",
                "application/vnd.docker.image.rootfs.diff.tar.gzip");
    }

    /**
     * One image of each kind: OCI manifest, OCI index, Docker manifest, Docker manifest list.
     *
     * @param seed makes the images unique
     * @return the four images
     */
    public static List<TestImage> eachKind(String seed) {
        return List.of(ociManifest(seed), ociIndex(seed), dockerManifest(seed), dockerManifestList(seed));
    }

    private static TestImage manifest(String seed, String mediaType, String configType, String layerType, String arch) {
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Labels\":{\"kit.seed\":\""
                + json(seed) + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8);
        byte[] layer = ("slipway kit layer " + seed + " " + arch + "\n").getBytes(StandardCharsets.UTF_8);
        Digest configDigest = Digest.sha256(config);
        Digest layerDigest = Digest.sha256(layer);
        // deliberately unusual formatting: 3-space indent, "mediaType" after the blobs, spaces before colons
        String text = "{\n   \"schemaVersion\" : 2,\n   \"config\" : {\n      \"mediaType\" : \"" + configType + "\",\n"
                + "      \"size\" : " + config.length + ",\n      \"digest\" : \"" + configDigest + "\"\n   },\n"
                + "   \"layers\" : [ {\n      \"mediaType\" : \"" + layerType + "\",\n      \"size\" : " + layer.length
                + ",\n      \"digest\" : \"" + layerDigest + "\"\n   } ],\n   \"mediaType\" : \"" + mediaType + "\"\n}\n";
        Map<Digest, byte[]> blobs = new LinkedHashMap<>();
        blobs.put(configDigest, config);
        blobs.put(layerDigest, layer);
        return new TestImage(mediaType, text.getBytes(StandardCharsets.UTF_8), blobs, List.of());
    }

    private static TestImage index(String seed, String mediaType, String childType, String configType, String layerType) {
        List<TestImage> children = new ArrayList<>();
        StringBuilder sb = new StringBuilder("{\"mediaType\":\"" + mediaType + "\",  \"schemaVersion\":2,\"manifests\":[");
        for (String arch : List.of("amd64", "arm64")) {
            TestImage child = manifest(seed, childType, configType, layerType, arch);
            children.add(child);
            sb.append(children.size() > 1 ? ", " : "").append("{\"mediaType\":\"").append(childType)
                    .append("\",\"digest\":\"").append(child.digest()).append("\",\"size\":").append(child.manifest.length)
                    .append(",\"platform\":{\"os\":\"linux\",\"architecture\":\"").append(arch).append("\"}}");
        }
        sb.append("]}\n\n");
        return new TestImage(mediaType, sb.toString().getBytes(StandardCharsets.UTF_8), Map.of(), children);
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
