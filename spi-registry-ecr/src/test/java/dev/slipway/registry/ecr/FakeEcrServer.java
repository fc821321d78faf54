package dev.slipway.registry.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.api.Digest;
import dev.slipway.spi.Mutability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake of ECR's API on 127.0.0.1 (JDK HttpServer): the awsJson1_1 protocol, dispatch on {@code X-Amz-Target},
 * errors as {@code {"__type": ..., "message": ...}}, every request validated against the service model (a
 * request that breaks it is answered {@code InvalidParameterException} and recorded as a problem). Serves
 * DescribeRepositories, DescribeImages, ListImages (paged), BatchGetImage, PutImage with ECR's tag rules, and
 * GetAuthorizationToken; knobs for immutable repositories, throttling bursts and server errors.
 */
final class FakeEcrServer implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String HOST = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request, as received. */
    record Request(String operation, JsonNode body, String accessKeyId) {
    }

    private static final class Repo {
        String mutability = "MUTABLE";
        final Map<String, String[]> images = new LinkedHashMap<>();
        final Map<String, String> tags = new TreeMap<>();
    }

    private final HttpServer server;
    private final EcrModel model = EcrModel.get();
    private final Map<String, Repo> repositories = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int throttle;
    private int serverErrors;
    private int pageSize = 100;
    private String password = "ecr-registry-password";

    FakeEcrServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void createRepository(String name, Mutability mutability) {
        repositories.computeIfAbsent(name, n -> new Repo()).mutability = switch (mutability) {
            case IMMUTABLE -> "IMMUTABLE";
            case MIXED -> "IMMUTABLE_WITH_EXCLUSION";
            default -> "MUTABLE";
        };
    }

    /** Stores a manifest under a tag, as a push does (moves the tag whatever the mutability). */
    synchronized void push(String name, String tag, String manifest, String mediaType) {
        Repo r = repositories.computeIfAbsent(name, n -> new Repo());
        String digest = Digest.sha256(manifest).value();
        r.images.put(digest, new String[] {manifest, mediaType});
        r.tags.put(tag, digest);
    }

    synchronized Optional<String[]> manifest(String name, String tag) {
        Repo r = repositories.get(name);
        if (r == null || !r.tags.containsKey(tag)) {
            return Optional.empty();
        }
        return Optional.of(r.images.get(r.tags.get(tag)));
    }

    synchronized void throttle(int n) {
        throttle = n;
    }

    synchronized void serverErrors(int n) {
        serverErrors = n;
    }

    synchronized void pageSize(int n) {
        pageSize = n;
    }

    synchronized void password(String p) {
        password = p;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            synchronized (this) {
                respond(x);
            }
        }
    }

    private void respond(HttpExchange x) throws IOException {
        String target = x.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = x.getRequestHeaders().getFirst("Content-Type");
        String authorization = x.getRequestHeaders().getFirst("Authorization");
        byte[] raw = x.getRequestBody().readAllBytes();
        if (!x.getRequestMethod().equals("POST") || target == null || !target.startsWith(model.targetPrefix() + ".")) {
            problems.add("not an awsJson1_1 call: " + x.getRequestMethod() + " target " + target);
            error(x, 400, "UnknownOperationException", "no X-Amz-Target");
            return;
        }
        String operation = target.substring(model.targetPrefix().length() + 1);
        if (contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
            problems.add(operation + ": Content-Type " + contentType);
        }
        String accessKey = null;
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")) {
            problems.add(operation + ": not signed with SigV4");
        } else {
            String credential = authorization.substring("AWS4-HMAC-SHA256 Credential=".length());
            accessKey = credential.substring(0, credential.indexOf('/'));
            if (!credential.contains("/" + REGION + "/ecr/aws4_request")) {
                problems.add(operation + ": signed for another scope: " + credential.substring(0, credential.indexOf(',')));
            }
        }
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        requests.add(new Request(operation, body, accessKey));
        if (!model.hasOperation(operation)) {
            problems.add("unknown operation " + operation);
            error(x, 400, "UnknownOperationException", operation);
            return;
        }
        List<String> invalid = model.validate(operation, body);
        if (!invalid.isEmpty()) {
            problems.addAll(invalid);
            error(x, 400, "InvalidParameterException", String.join("; ", invalid));
            return;
        }
        if (throttle > 0) {
            throttle--;
            error(x, 400, "ThrottlingException", "Rate exceeded");
            return;
        }
        if (serverErrors > 0) {
            serverErrors--;
            error(x, 500, "ServerException", "internal failure");
            return;
        }
        try {
            ObjectNode out = switch (operation) {
                case "DescribeRepositories" -> describeRepositories(body);
                case "DescribeImages" -> describeImages(body);
                case "ListImages" -> listImages(body);
                case "BatchGetImage" -> batchGetImage(body);
                case "PutImage" -> putImage(body);
                case "GetAuthorizationToken" -> authorizationToken();
                default -> throw new Failure(400, "UnsupportedOperationException", operation + " is not faked");
            };
            send(x, 200, out);
        } catch (Failure f) {
            if (!f.type.equals("UnsupportedOperationException") && !model.errors(operation).contains(f.type)) {
                problems.add(operation + " answered " + f.type + ", which the model does not declare for it");
            }
            error(x, f.status, f.type, f.getMessage());
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        Failure(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private Repo repo(JsonNode body, String name) {
        String registry = body.path("registryId").asText(ACCOUNT);
        Repo r = registry.equals(ACCOUNT) ? repositories.get(name) : null;
        if (r == null) {
            throw new Failure(400, "RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + registry + "'");
        }
        return r;
    }

    private ObjectNode describeRepositories(JsonNode body) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("repositories");
        for (JsonNode n : body.path("repositoryNames")) {
            Repo r = repo(body, n.asText());
            ObjectNode repo = list.addObject();
            repo.put("registryId", ACCOUNT).put("repositoryName", n.asText())
                    .put("repositoryArn", "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/" + n.asText())
                    .put("repositoryUri", HOST + "/" + n.asText()).put("imageTagMutability", r.mutability);
        }
        return out;
    }

    private ObjectNode describeImages(JsonNode body) {
        String name = body.path("repositoryName").asText();
        Repo r = repo(body, name);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode details = out.putArray("imageDetails");
        for (JsonNode id : body.path("imageIds")) {
            String digest = id.has("imageDigest") ? id.get("imageDigest").asText() : r.tags.get(id.path("imageTag").asText());
            if (digest == null || !r.images.containsKey(digest)) {
                throw new Failure(400, "ImageNotFoundException", "The image with imageId " + id + " does not exist within"
                        + " the repository with name '" + name + "'");
            }
            ObjectNode d = details.addObject();
            d.put("registryId", ACCOUNT).put("repositoryName", name).put("imageDigest", digest)
                    .put("imageManifestMediaType", r.images.get(digest)[1]);
            ArrayNode tags = d.putArray("imageTags");
            r.tags.forEach((tag, dg) -> {
                if (dg.equals(digest)) {
                    tags.add(tag);
                }
            });
        }
        return out;
    }

    private ObjectNode listImages(JsonNode body) {
        Repo r = repo(body, body.path("repositoryName").asText());
        String status = body.path("filter").path("tagStatus").asText("ANY");
        List<String[]> ids = new ArrayList<>();
        if (!status.equals("UNTAGGED")) {
            r.tags.forEach((tag, digest) -> ids.add(new String[] {digest, tag}));
        }
        if (!status.equals("TAGGED")) {
            r.images.keySet().stream().filter(d -> !r.tags.containsValue(d)).forEach(d -> ids.add(new String[] {d, null}));
        }
        int size = body.has("maxResults") ? body.get("maxResults").asInt() : pageSize;
        int start = body.has("nextToken") ? Integer.parseInt(new String(Base64.getDecoder()
                .decode(body.get("nextToken").asText()), StandardCharsets.UTF_8)) : 0;
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("imageIds");
        for (int i = start; i < Math.min(ids.size(), start + size); i++) {
            ObjectNode id = list.addObject().put("imageDigest", ids.get(i)[0]);
            if (ids.get(i)[1] != null) {
                id.put("imageTag", ids.get(i)[1]);
            }
        }
        if (start + size < ids.size()) {
            out.put("nextToken", Base64.getEncoder().encodeToString(String.valueOf(start + size).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private ObjectNode batchGetImage(JsonNode body) {
        String name = body.path("repositoryName").asText();
        Repo r = repo(body, name);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode images = out.putArray("images");
        ArrayNode failures = out.putArray("failures");
        for (JsonNode id : body.path("imageIds")) {
            String digest = id.has("imageDigest") ? id.get("imageDigest").asText() : r.tags.get(id.path("imageTag").asText());
            if (digest == null || !r.images.containsKey(digest)) {
                failures.addObject().<ObjectNode>set("imageId", id.deepCopy()).put("failureCode", "ImageNotFound")
                        .put("failureReason", "Requested image not found");
                continue;
            }
            String[] image = r.images.get(digest);
            ObjectNode i = images.addObject().put("registryId", ACCOUNT).put("repositoryName", name)
                    .put("imageManifest", image[0]).put("imageManifestMediaType", image[1]);
            ObjectNode imageId = i.putObject("imageId").put("imageDigest", digest);
            if (id.has("imageTag")) {
                imageId.put("imageTag", id.get("imageTag").asText());
            }
        }
        return out;
    }

    private ObjectNode putImage(JsonNode body) {
        String name = body.path("repositoryName").asText();
        Repo r = repo(body, name);
        String manifest = body.path("imageManifest").asText();
        String digest = Digest.sha256(manifest).value();
        if (body.has("imageDigest") && !body.get("imageDigest").asText().equals(digest)) {
            throw new Failure(400, "ImageDigestDoesNotMatchException", "The provided image digest does not match the"
                    + " manifest's digest " + digest);
        }
        String mediaType = body.path("imageManifestMediaType").asText(null);
        String declared;
        try {
            declared = JSON.readTree(manifest).path("mediaType").asText(null);
        } catch (IOException e) {
            throw new Failure(400, "InvalidParameterException", "the manifest is not JSON");
        }
        if (mediaType == null && declared == null) {
            throw new Failure(400, "InvalidParameterException", "imageManifestMediaType is required for a manifest without"
                    + " mediaType");
        }
        if (mediaType != null && declared != null && !mediaType.equals(declared)) {
            throw new Failure(400, "InvalidParameterException", "imageManifestMediaType " + mediaType + " differs from the"
                    + " manifest's " + declared);
        }
        String tag = body.path("imageTag").asText(null);
        if (tag != null && r.tags.containsKey(tag)) {
            if (r.tags.get(tag).equals(digest)) {
                throw new Failure(400, "ImageAlreadyExistsException", "Image with digest '" + digest + "' and tag '" + tag
                        + "' already exists in the repository with name '" + name + "'");
            }
            if (r.mutability.startsWith("IMMUTABLE")) {
                throw new Failure(400, "ImageTagAlreadyExistsException", "The image tag '" + tag + "' already exists in the"
                        + " '" + name + "' repository and cannot be overwritten because the repository is immutable.");
            }
        }
        if (tag == null && r.images.containsKey(digest)) {
            throw new Failure(400, "ImageAlreadyExistsException", "Image with digest '" + digest + "' already exists");
        }
        r.images.put(digest, new String[] {manifest, mediaType != null ? mediaType : declared});
        if (tag != null) {
            r.tags.put(tag, digest);
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode image = out.putObject("image").put("registryId", ACCOUNT).put("repositoryName", name)
                .put("imageManifest", manifest).put("imageManifestMediaType", r.images.get(digest)[1]);
        ObjectNode id = image.putObject("imageId").put("imageDigest", digest);
        if (tag != null) {
            id.put("imageTag", tag);
        }
        return out;
    }

    private ObjectNode authorizationToken() {
        ObjectNode out = JSON.createObjectNode();
        out.putArray("authorizationData").addObject()
                .put("authorizationToken", Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8)))
                .put("expiresAt", java.time.Instant.now().plusSeconds(12 * 3600).getEpochSecond())
                .put("proxyEndpoint", "https://" + HOST);
        return out;
    }

    private static void error(HttpExchange x, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        send(x, status, body);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        x.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
