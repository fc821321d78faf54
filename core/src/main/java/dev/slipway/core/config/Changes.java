package dev.slipway.core.config;

import java.util.List;

/**
 * The {@code changes} section.
 *
 * @param global paths whose change marks every service changed ({@code global})
 */
public record Changes(List<String> global) {

    /** The embedded default: no global paths. */
    public static final Changes DEFAULT = new Changes(List.of());

    /**
     * Freezes the list.
     */
    public Changes {
        global = List.copyOf(global);
    }
}
