package dev.slipway.cd.argocd;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Argo CD v3.5.1 API contract ({@code argocd-swagger.json} in the test resources, the same file as the shared contract; Swagger 2.0) as a checker:
 * which path templates, methods, query parameters, request fields and response fields exist. Tests feed
 * it what the adapter actually sent (recorded by the fake) and read (noted by the adapter), and what the
 * fake answered, and get back every discrepancy.
 */
final class SwaggerContract {

    private final JsonNode root;

    private SwaggerContract(JsonNode root) {
        this.root = root;
    }

    /**
     * Loads the contract from the test resources ({@code /argocd-swagger.json}, a copy of the workplace's
     * {@code ../shared/contracts/argocd-swagger.json}), so that every clone checks against it.
     *
     * @return the contract
     */
    static SwaggerContract load() {
        try (InputStream in = SwaggerContract.class.getResourceAsStream("/argocd-swagger.json")) {
            if (in == null) {
                throw new IllegalStateException("argocd-swagger.json is missing from the test resources");
            }
            return new SwaggerContract(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation a template and method name, or empty. */
    Optional<JsonNode> operation(String template, String method) {
        JsonNode path = root.path("paths").path(template);
        JsonNode op = path.path(method.toLowerCase(java.util.Locale.ROOT));
        return op.isObject() ? Optional.of(op) : Optional.empty();
    }

    /** The template a concrete path matches, for a method. */
    Optional<String> template(String path, String method) {
        String[] segments = path.split("/", -1);
        Iterator<String> names = root.path("paths").fieldNames();
        List<String> exact = new ArrayList<>();
        List<String> templated = new ArrayList<>();
        while (names.hasNext()) {
            String template = names.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length || operation(template, method).isEmpty()) {
                continue;
            }
            boolean matches = true;
            boolean hasVariables = false;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    hasVariables = true;
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                }
            }
            if (matches) {
                (hasVariables ? templated : exact).add(template);
            }
        }
        // a literal path beats a template (/api/v1/applications/manifestsWithFiles beats /{name})
        return exact.isEmpty() ? templated.stream().findFirst() : exact.stream().findFirst();
    }

    /**
     * Everything in a set of exchanges and read fields that the contract does not have.
     *
     * @param exchanges what the adapter sent and the fake answered
     * @param fieldsRead what the adapter read, as {@code METHOD TEMPLATE RESPONSE FIELD.PATH}
     * @return the discrepancies, empty when all conform
     */
    Set<String> violations(List<FakeArgoCd.Exchange> exchanges, Set<String> fieldsRead) {
        Set<String> out = new TreeSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (FakeArgoCd.Exchange e : exchanges) {
            Optional<String> template = template(e.path(), e.method());
            if (template.isEmpty()) {
                out.add(e.method() + " " + e.path() + ": no such operation");
                continue;
            }
            JsonNode op = operation(template.get(), e.method()).orElseThrow();
            String at = e.method() + " " + template.get();
            for (String name : e.query().keySet()) {
                if (!hasParameter(op, name, "query")) {
                    out.add(at + ": no query parameter '" + name + "'");
                }
            }
            if (!e.body().isEmpty()) {
                Optional<JsonNode> schema = bodySchema(op);
                if (schema.isEmpty()) {
                    out.add(at + ": takes no body");
                } else {
                    try {
                        checkValue(mapper.readTree(e.body()), schema.get(), at + " request body", out);
                    } catch (IOException ex) {
                        out.add(at + ": request body is not JSON");
                    }
                }
            }
            if (e.response() != null && !e.response().isEmpty() && e.status() != 503
                    && !(e.status() == 404 && e.response().startsWith("404 page"))) {
                JsonNode schema = op.path("responses").path(e.status() == 200 ? "200" : "default").path("schema");
                try {
                    checkValue(mapper.readTree(e.response()), schema, at + " " + e.status() + " response", out);
                } catch (IOException ex) {
                    out.add(at + " " + e.status() + ": response is not JSON");
                }
            }
        }
        for (String field : fieldsRead) {
            String[] parts = field.split(" ", 4);
            if (parts.length != 4) {
                out.add("malformed field note: " + field);
                continue;
            }
            Optional<JsonNode> op = operation(parts[1], parts[0]);
            if (op.isEmpty()) {
                out.add(field + ": no such operation");
                continue;
            }
            JsonNode schema = op.get().path("responses").path(parts[2]).path("schema");
            if (schema.isMissingNode()) {
                out.add(field + ": no response " + parts[2]);
                continue;
            }
            JsonNode at = schema;
            for (String segment : parts[3].split("\\.")) {
                boolean array = segment.endsWith("[]");
                String name = array ? segment.substring(0, segment.length() - 2) : segment;
                Optional<JsonNode> property = property(at, name);
                if (property.isEmpty()) {
                    out.add(field + ": no field '" + name + "' in " + describe(at));
                    at = null;
                    break;
                }
                at = resolve(property.get());
                if (array) {
                    if (!"array".equals(at.path("type").asText())) {
                        out.add(field + ": '" + name + "' is not an array");
                        at = null;
                        break;
                    }
                    at = resolve(at.path("items"));
                }
            }
        }
        return out;
    }

    private static boolean hasParameter(JsonNode op, String name, String in) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals(name) && p.path("in").asText().equals(in)) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonNode> bodySchema(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("body")) {
                return Optional.of(p.path("schema"));
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            String ref = at.path("$ref").asText();
            at = root.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return at;
    }

    private Optional<JsonNode> property(JsonNode schema, String name) {
        JsonNode resolved = resolve(schema);
        JsonNode property = resolved.path("properties").path(name);
        if (!property.isMissingNode()) {
            return Optional.of(property);
        }
        JsonNode additional = resolved.path("additionalProperties");
        return additional.isObject() ? Optional.of(additional) : Optional.empty();
    }

    private String describe(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return resolved.path("title").asText(resolved.path("description").asText("a schema")).lines().findFirst().orElse("");
    }

    /** Checks a JSON value against a schema: every field exists, and types agree. */
    private void checkValue(JsonNode value, JsonNode schema, String at, Set<String> out) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(at + ": expected an object");
                    return;
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    Optional<JsonNode> property = property(s, field.getKey());
                    if (property.isEmpty()) {
                        out.add(at + "." + field.getKey() + ": not in the contract");
                    } else if (!field.getValue().isNull()) {
                        checkValue(field.getValue(), property.get(), at + "." + field.getKey(), out);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(at + ": expected an array");
                    return;
                }
                for (JsonNode item : value) {
                    checkValue(item, s.path("items"), at + "[]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(at + ": expected a string");
                }
            }
            case "integer" -> {
                // int64 travels as a number or, in proto3 JSON, as a string of digits
                if (!value.isIntegralNumber() && !(value.isTextual() && value.asText().matches("-?[0-9]+"))) {
                    out.add(at + ": expected an integer");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(at + ": expected a boolean");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(at + ": expected a number");
                }
            }
            default -> {
                // an untyped schema (protobufAny's payload and the like) takes anything
            }
        }
    }

    /** Fails with every violation listed. */
    static void assertConforms(Set<String> violations) {
        if (!violations.isEmpty()) {
            fail("traffic outside the Argo CD API contract:\n  " + String.join("\n  ", violations));
        }
    }
}
