package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Slipway-*} trailers of a deployment commit: one ordered group per deployment
 * ({@code Slipway-Service}, {@code Slipway-Environment}, {@code Slipway-Version}, {@code Slipway-Previous},
 * {@code Slipway-Commit}), then {@code Slipway-Override: <rule>: <reason>} for a forced step. All groups sit in
 * the message's last paragraph, so {@code git interpret-trailers --parse} reads them.
 */
public final class Trailers {

    /** The trailer keys, in group order. */
    public static final String SERVICE = "Slipway-Service";
    /** The environment. */
    public static final String ENVIRONMENT = "Slipway-Environment";
    /** The version set. */
    public static final String VERSION = "Slipway-Version";
    /** The value(s) replaced, comma-separated. */
    public static final String PREVIOUS = "Slipway-Previous";
    /** The full id of the commit the image was built from. */
    public static final String COMMIT = "Slipway-Commit";
    /** A refusal overridden: {@code <rule>: <reason>}. */
    public static final String OVERRIDE = "Slipway-Override";

    private Trailers() {
    }

    /**
     * One deployment as its trailers record it.
     *
     * @param service the service
     * @param environment the environment
     * @param version the version set
     * @param previous the values replaced (empty when none were recorded)
     * @param builtCommit the commit the image was built from, when recorded
     * @param override the overridden rule and reason, when recorded
     */
    public record Group(ServiceId service, String environment, String version, List<String> previous,
            Optional<CommitId> builtCommit, Optional<String> override) {
    }

    /** The trailer lines of the groups, no blank lines, each line ending with a newline. */
    public static String format(List<Group> groups) {
        StringBuilder out = new StringBuilder();
        for (Group g : groups) {
            out.append(SERVICE).append(": ").append(g.service().path()).append('\n');
            out.append(ENVIRONMENT).append(": ").append(g.environment()).append('\n');
            out.append(VERSION).append(": ").append(g.version()).append('\n');
            out.append(PREVIOUS).append(": ").append(g.previous().isEmpty() ? "none" : String.join(", ", g.previous()))
                    .append('\n');
            g.builtCommit().ifPresent(c -> out.append(COMMIT).append(": ").append(c.hex()).append('\n'));
            g.override().ifPresent(o -> out.append(OVERRIDE).append(": ").append(oneLine(o)).append('\n'));
        }
        return out.toString();
    }

    /** Text made one line (a reason given on the command line may hold newlines). */
    public static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /**
     * The groups of a commit message: the {@code Slipway-*} lines of its last paragraph, a group starting at
     * each {@code Slipway-Service}. Lines that are not {@code Slipway-*} trailers are ignored; a group without
     * environment or version is dropped.
     */
    public static List<Group> parse(String message) {
        String text = message.replace("\r\n", "\n").strip();
        int cut = text.lastIndexOf("\n\n");
        String last = cut < 0 ? text : text.substring(cut + 2);
        List<Group> groups = new ArrayList<>();
        Builder current = null;
        for (String line : last.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "slipway-service" -> {
                    if (current != null) {
                        current.build().ifPresent(groups::add);
                    }
                    current = new Builder();
                    try {
                        current.service = ServiceId.of(value);
                    } catch (RuntimeException e) {
                        current = null;
                    }
                }
                case "slipway-environment" -> {
                    if (current != null) {
                        current.environment = value;
                    }
                }
                case "slipway-version" -> {
                    if (current != null) {
                        current.version = value;
                    }
                }
                case "slipway-previous" -> {
                    if (current != null && !value.equals("none") && !value.isEmpty()) {
                        for (String v : value.split(",")) {
                            current.previous.add(v.strip());
                        }
                    }
                }
                case "slipway-commit" -> {
                    if (current != null && value.matches("[0-9a-f]{40}")) {
                        current.commit = CommitId.of(value);
                    }
                }
                case "slipway-override" -> {
                    if (current != null) {
                        current.override = value;
                    }
                }
                default -> {
                    // another trailer
                }
            }
        }
        if (current != null) {
            current.build().ifPresent(groups::add);
        }
        return List.copyOf(groups);
    }

    private static final class Builder {
        ServiceId service;
        String environment;
        String version;
        final List<String> previous = new ArrayList<>();
        CommitId commit;
        String override;

        Optional<Group> build() {
            if (service == null || environment == null || version == null) {
                return Optional.empty();
            }
            return Optional.of(new Group(service, environment, version, List.copyOf(previous),
                    Optional.ofNullable(commit), Optional.ofNullable(override)));
        }
    }
}
