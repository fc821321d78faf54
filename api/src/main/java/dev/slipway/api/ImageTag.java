package dev.slipway.api;

import java.util.Objects;

/**
 * A container image tag as the OCI distribution spec defines it:
 * {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}, such as {@code 0.2.2-rc0029-g1234567} or {@code hotfix-123}.
 *
 * <p>SemVer build metadata ({@code 1.2.3+build.5}) is not a valid image tag: {@code +} is outside the
 * grammar, and registries reject it.
 *
 * @param value the tag text
 */
public record ImageTag(String value) {

    /** The longest tag the OCI grammar allows. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the tag.
     *
     * @param value the tag text
     * @throws InvalidImageTagException if the text is not a valid OCI tag
     */
    public ImageTag {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidImageTagException(value, "invalid image tag \"" + value + "\": " + problem
                    + " (OCI tags match [A-Za-z0-9_][A-Za-z0-9._-]{0,127})");
        }
    }

    /**
     * The tag with this text.
     *
     * @param value the tag, for example {@code 0.2.3} or {@code hotfix-123}
     * @return the tag
     * @throws InvalidImageTagException if the text is not a valid OCI tag
     */
    public static ImageTag of(String value) {
        return new ImageTag(value);
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "it is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "it is " + value.length() + " characters long, more than " + MAX_LENGTH;
        }
        char first = value.charAt(0);
        if (first == '.' || first == '-') {
            return "it starts with '" + first + "'; the first character must be a letter, a digit or '_'";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                if (c == '+') {
                    return "'+' is not allowed: SemVer build metadata (+...) cannot be part of an image tag;"
                            + " drop the build metadata or replace '+' with '-'";
                }
                return "it contains " + describe(c) + " at index " + i;
            }
        }
        return null;
    }

    private static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return "whitespace";
        }
        if (c < 0x20 || c == 0x7f) {
            return "a control character";
        }
        return "'" + c + "'";
    }

    /**
     * The tag text.
     *
     * @return the tag
     */
    @Override
    public String toString() {
        return value;
    }
}
