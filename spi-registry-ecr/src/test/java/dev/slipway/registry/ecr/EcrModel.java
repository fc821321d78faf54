package dev.slipway.registry.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * ECR's service model ({@code ecr-service-2.json}, the same file as the shared contract, copied into the test
 * resources) as a request validator: required members, unknown members, string lengths and patterns, enums,
 * number ranges and list sizes, recursively. Patterns are matched in full, as ECR applies them.
 */
final class EcrModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EcrModel INSTANCE = load();

    private final JsonNode model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private EcrModel(JsonNode model) {
        this.model = model;
    }

    static EcrModel get() {
        return INSTANCE;
    }

    private static EcrModel load() {
        try (InputStream in = EcrModel.class.getResourceAsStream("/ecr-service-2.json")) {
            return new EcrModel(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target prefix of X-Amz-Target, from the model's metadata. */
    String targetPrefix() {
        return model.path("metadata").path("targetPrefix").asText();
    }

    /** Whether the model has the operation. */
    boolean hasOperation(String operation) {
        return model.path("operations").has(operation);
    }

    /** The error shapes an operation declares. */
    Set<String> errors(String operation) {
        Set<String> out = new HashSet<>();
        model.path("operations").path(operation).path("errors").forEach(e -> out.add(e.path("shape").asText()));
        return out;
    }

    /**
     * Every way a request breaks the model.
     *
     * @param operation the operation, such as {@code PutImage}
     * @param input the request body
     * @return the problems, empty for a valid request
     */
    List<String> validate(String operation, JsonNode input) {
        List<String> problems = new ArrayList<>();
        String shape = model.path("operations").path(operation).path("input").path("shape").asText();
        validate(shape, input, operation, problems);
        return problems;
    }

    private void validate(String shapeName, JsonNode value, String path, List<String> problems) {
        JsonNode shape = model.path("shapes").path(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object for " + shapeName);
                    return;
                }
                JsonNode members = shape.path("members");
                for (JsonNode required : shape.path("required")) {
                    if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
                        problems.add(path + "." + required.asText() + ": required by " + shapeName);
                    }
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    if (!members.has(field.getKey())) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else if (!field.getValue().isNull()) {
                        validate(members.get(field.getKey()).path("shape").asText(), field.getValue(),
                                path + "." + field.getKey(), problems);
                    }
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected a string for " + shapeName);
                    return;
                }
                String s = value.asText();
                if (shape.has("min") && s.length() < shape.get("min").asInt()) {
                    problems.add(path + ": shorter than " + shape.get("min").asInt() + " (" + shapeName + ")");
                }
                if (shape.has("max") && s.length() > shape.get("max").asInt()) {
                    problems.add(path + ": longer than " + shape.get("max").asInt() + " (" + shapeName + ")");
                }
                if (shape.has("pattern")) {
                    Pattern p = patterns.computeIfAbsent(shape.get("pattern").asText(), Pattern::compile);
                    if (!p.matcher(s).matches()) {
                        problems.add(path + ": '" + s + "' does not match " + p + " (" + shapeName + ")");
                    }
                }
                if (shape.has("enum")) {
                    boolean known = false;
                    for (JsonNode e : shape.get("enum")) {
                        known |= e.asText().equals(s);
                    }
                    if (!known) {
                        problems.add(path + ": '" + s + "' is not one of " + shape.get("enum") + " (" + shapeName + ")");
                    }
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": expected an integer for " + shapeName);
                    return;
                }
                if (shape.has("min") && value.asLong() < shape.get("min").asLong()) {
                    problems.add(path + ": below " + shape.get("min").asLong() + " (" + shapeName + ")");
                }
                if (shape.has("max") && value.asLong() > shape.get("max").asLong()) {
                    problems.add(path + ": above " + shape.get("max").asLong() + " (" + shapeName + ")");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected a boolean for " + shapeName);
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list for " + shapeName);
                    return;
                }
                if (shape.has("min") && value.size() < shape.get("min").asInt()) {
                    problems.add(path + ": fewer than " + shape.get("min").asInt() + " items (" + shapeName + ")");
                }
                if (shape.has("max") && value.size() > shape.get("max").asInt()) {
                    problems.add(path + ": more than " + shape.get("max").asInt() + " items (" + shapeName + ")");
                }
                String member = shape.path("member").path("shape").asText();
                for (int i = 0; i < value.size(); i++) {
                    validate(member, value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "timestamp", "blob", "map", "double", "float" -> {
                // not used in the requests this adapter sends
            }
            default -> problems.add(path + ": unknown shape " + shapeName);
        }
    }
}
