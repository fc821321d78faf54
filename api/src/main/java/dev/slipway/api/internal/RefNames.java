package dev.slipway.api.internal;

import java.util.Objects;

/**
 * Git's reference name rules, as {@code git check-ref-format} applies them to {@code refs/tags/<name>}.
 *
 * <p>Git's rule that a reference name is not the single character {@code @} applies to the whole name
 * ({@code refs/tags/@}), so it never rejects a tag name: {@code git tag @} succeeds.
 */
public final class RefNames {

    private RefNames() {
    }

    /**
     * Why a tag name is not a valid git reference name, or null when it is.
     *
     * @param name the tag name, without {@code refs/tags/}
     * @return the problem, or null
     */
    public static String tagNameProblem(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.startsWith("/") || name.endsWith("/")) {
            return "it starts or ends with '/'";
        }
        if (name.endsWith(".")) {
            return "it ends with '.'";
        }
        if (name.contains("..")) {
            return "it contains '..'";
        }
        if (name.contains("@{")) {
            return "it contains '@{'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character at index " + i;
            }
            switch (c) {
                case ' ', '~', '^', ':', '?', '*', '[', '\\' -> {
                    return "it contains '" + c + "', which git does not allow in reference names";
                }
                default -> {
                }
            }
        }
        for (String component : name.split("/", -1)) {
            if (component.isEmpty()) {
                return "it contains '//'";
            }
            if (component.startsWith(".")) {
                return "the component \"" + component + "\" starts with '.'";
            }
            if (component.endsWith(".lock")) {
                return "the component \"" + component + "\" ends with '.lock'";
            }
        }
        return null;
    }
}
