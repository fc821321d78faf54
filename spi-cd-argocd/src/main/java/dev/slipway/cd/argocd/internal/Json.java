package dev.slipway.cd.argocd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of a JSON response that notes every field path it is asked for, under the endpoint and
 * response it came from ({@code GET /api/v1/applications/{name} 200 status.sync.revision}): the adapter's
 * own account of what it reads, which the tests check against the API contract.
 */
final class Json {

    private final JsonNode node;
    private final String response;
    private final String path;
    private final Set<String> fieldsRead;

    private Json(JsonNode node, String response, String path, Set<String> fieldsRead) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.response = response;
        this.path = path;
        this.fieldsRead = fieldsRead;
    }

    /**
     * The root of a response.
     *
     * @param node the parsed body
     * @param response the endpoint and response, such as {@code GET /api/v1/applications/{name} 200}
     * @param fieldsRead where read field paths are noted
     * @return the view
     */
    static Json root(JsonNode node, String response, Set<String> fieldsRead) {
        return new Json(node, Objects.requireNonNull(response, "response"), "", fieldsRead);
    }

    /** A field of this object (missing when this is not an object or lacks it). */
    Json get(String field) {
        String child = path.isEmpty() ? field : path + "." + field;
        fieldsRead.add(response + " " + child);
        return new Json(node.isObject() ? node.get(field) : null, response, child, fieldsRead);
    }

    /** Whether the field holds a value other than null. */
    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The text of a string field, empty when absent, null or empty. */
    Optional<String> text() {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The value of a boolean field, or the default when absent. */
    boolean bool(boolean otherwise) {
        return node.isBoolean() ? node.booleanValue() : otherwise;
    }

    /** The value of an integer field (Argo CD writes int64 as a number, some gateways as a string). */
    Optional<Long> number() {
        if (node.isIntegralNumber()) {
            return Optional.of(node.longValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Long.parseLong(node.asText()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The instant of an RFC 3339 time field, empty when absent or unreadable. */
    Optional<Instant> instant() {
        return text().flatMap(t -> {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The items of an array field, each a view under {@code path[]}. */
    List<Json> items() {
        List<Json> out = new ArrayList<>();
        String itemPath = path + "[]";
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.add(new Json(item, response, itemPath, fieldsRead));
            }
        }
        return out;
    }

    /** The non-empty strings of an array of strings. */
    List<String> texts() {
        return items().stream().flatMap(i -> i.text().stream()).toList();
    }
}
