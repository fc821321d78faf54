package dev.slipway.tck.registry;

import java.util.Arrays;
import java.util.Objects;

/**
 * A manifest as a registry holds it, read by a kit fixture: the exact bytes and the media type.
 *
 * @param mediaType the media type the registry reports
 * @param bytes the exact bytes
 */
public record StoredManifest(String mediaType, byte[] bytes) {

    /**
     * Copies the bytes.
     */
    public StoredManifest {
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /**
     * The exact bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Equal when media type and bytes are.
     *
     * @param other the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredManifest m && m.mediaType.equals(mediaType) && Arrays.equals(m.bytes, bytes);
    }

    /**
     * A hash of media type and bytes.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    /**
     * The media type and size.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return "StoredManifest[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
