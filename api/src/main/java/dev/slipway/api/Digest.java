package dev.slipway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The content digest of an image manifest (or any blob) as the OCI image spec writes it:
 * {@code sha256:<64 lower-case hex digits>} or {@code sha512:<128 lower-case hex digits>}, the two
 * algorithms the spec registers. Registries address an image by it and report it in
 * {@code Docker-Content-Digest}; ECR calls it {@code imageDigest}.
 *
 * @param value the digest text, {@code algorithm:hex}
 */
public record Digest(String value) {

    /**
     * Validates the digest.
     *
     * @param value the digest text
     * @throws InvalidDigestException if it is not {@code sha256:} plus 64 or {@code sha512:} plus 128
     *     lower-case hex digits
     */
    public Digest {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidDigestException(value, "invalid digest \"" + value + "\": " + problem
                    + " (expected sha256:<64 lower-case hex digits> or sha512:<128 lower-case hex digits>)");
        }
    }

    /**
     * The digest with this text.
     *
     * @param value the digest, for example {@code sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b}
     * @return the digest
     * @throws InvalidDigestException if the text is not a sha256 or sha512 digest
     */
    public static Digest of(String value) {
        return new Digest(value);
    }

    /**
     * The sha256 digest of some bytes: what a registry reports for a manifest stored with exactly these bytes.
     *
     * @param content the bytes, for example a manifest as pushed
     * @return {@code sha256:} and the hex of the bytes' SHA-256
     */
    public static Digest sha256(byte[] content) {
        Objects.requireNonNull(content, "content");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte b : hash) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return new Digest(sb.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The sha256 digest of a text's UTF-8 bytes.
     *
     * @param content the text, for example a manifest as ECR returns it
     * @return the digest of its UTF-8 encoding
     */
    public static Digest sha256(String content) {
        return sha256(Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The algorithm.
     *
     * @return {@code sha256} or {@code sha512}
     */
    public String algorithm() {
        return value.substring(0, value.indexOf(':'));
    }

    /**
     * The encoded hash.
     *
     * @return the lower-case hex digits after the colon
     */
    public String hex() {
        return value.substring(value.indexOf(':') + 1);
    }

    private static String problem(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return "no algorithm prefix";
        }
        String algorithm = value.substring(0, colon);
        String hex = value.substring(colon + 1);
        int length;
        if (algorithm.equals("sha256")) {
            length = 64;
        } else if (algorithm.equals("sha512")) {
            length = 128;
        } else {
            return "unsupported algorithm '" + algorithm + "'";
        }
        if (hex.length() != length) {
            return algorithm + " needs " + length + " hex digits, not " + hex.length();
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return (c >= 'A' && c <= 'F') ? "upper-case hex digit at index " + (colon + 1 + i)
                        : "not a hex digit at index " + (colon + 1 + i);
            }
        }
        return null;
    }

    /**
     * The digest text.
     *
     * @return {@code algorithm:hex}
     */
    @Override
    public String toString() {
        return value;
    }
}
