package dev.slipway.spi;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a commit being built: new content for a path, or its deletion.
 *
 * @param path the repo-relative path, {@code /}-separated, without empty, {@code .} or {@code ..} segments
 * @param content the new bytes, or empty to delete the path
 */
public record FileChange(String path, Optional<byte[]> content) {

    /**
     * Checks the parts and copies the bytes.
     *
     * @throws IllegalArgumentException for a path that is empty, absolute, or has empty, {@code .}, {@code ..} or
     *     {@code .git} segments
     */
    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("not a repo-relative file path: \"" + path
                    + "\"; expected a path like kubernetes/values.yaml");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
                throw new IllegalArgumentException("not a repo-relative file path: \"" + path
                        + "\" (segment \"" + segment + "\"); expected a path like kubernetes/values.yaml");
            }
        }
        content = content.map(byte[]::clone);
    }

    /**
     * New content for a path.
     *
     * @param path the repo-relative path
     * @param content the bytes (copied)
     * @return the change
     */
    public static FileChange write(String path, byte[] content) {
        return new FileChange(path, Optional.of(Objects.requireNonNull(content, "content")));
    }

    /**
     * The deletion of a path.
     *
     * @param path the repo-relative path
     * @return the change
     */
    public static FileChange delete(String path) {
        return new FileChange(path, Optional.empty());
    }

    /**
     * A copy of the new bytes.
     *
     * @return the bytes, or empty for a deletion
     */
    @Override
    public Optional<byte[]> content() {
        return content.map(byte[]::clone);
    }

    /**
     * Whether this change deletes its path.
     *
     * @return true for a deletion
     */
    public boolean isDeletion() {
        return content.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileChange that && path.equals(that.path)
                && content.isPresent() == that.content.isPresent()
                && (content.isEmpty() || Arrays.equals(content.get(), that.content.get()));
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + content.map(Arrays::hashCode).orElse(-1);
    }

    @Override
    public String toString() {
        return "FileChange[" + path + (content.isEmpty() ? ", delete]" : ", " + content.get().length + " bytes]");
    }
}
