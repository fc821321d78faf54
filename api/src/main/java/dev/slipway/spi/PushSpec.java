package dev.slipway.spi;

import java.util.Objects;

/**
 * One ref update of a push: what to send and where it goes on the remote.
 *
 * @param source a local ref name ({@code refs/heads/main}, {@code refs/tags/services/web@1.2.3}) or a full
 *     commit id (40 hex digits); never empty (pushes never delete)
 * @param destination the remote ref name to update ({@code refs/heads/main}); a full name under {@code refs/}
 */
public record PushSpec(String source, String destination) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if either part is empty or the destination is not under {@code refs/}
     */
    public PushSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (source.isEmpty()) {
            throw new IllegalArgumentException("a push source is a local ref name or a full commit id, not empty");
        }
        if (!destination.startsWith("refs/")) {
            throw new IllegalArgumentException("a push destination is a full remote ref name such as refs/heads/main, not \""
                    + destination + "\"");
        }
    }

    /**
     * A spec that pushes a local ref (or commit) to the same name on the remote.
     *
     * @param ref a full ref name
     * @return the spec {@code ref:ref}
     */
    public static PushSpec of(String ref) {
        return new PushSpec(ref, ref);
    }
}
