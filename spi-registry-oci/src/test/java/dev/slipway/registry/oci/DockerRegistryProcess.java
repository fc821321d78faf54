package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code docker-registry} (distribution 2.8, the Debian package) on a free 127.0.0.1 port, from a
 * generated configuration (never the package's, which listens on all interfaces), with filesystem storage in
 * a temporary directory; without authentication, with htpasswd (bcrypt entries made by {@code htpasswd -B}),
 * or with distribution's {@code silly} Bearer challenge. Seeds and reads it over the HTTP API.
 */
final class DockerRegistryProcess implements AutoCloseable {

    static final String ACCEPT = String.join(", ", TestImage.OCI_INDEX, TestImage.OCI_MANIFEST,
            TestImage.DOCKER_MANIFEST_LIST, TestImage.DOCKER_MANIFEST);

    private final Process process;
    private final int port;
    private final Path log;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DockerRegistryProcess(Process process, int port, Path log, String authorization) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization = authorization;
    }

    /** No authentication. */
    static DockerRegistryProcess open(Path dir) {
        return start(dir, "", null);
    }

    /** htpasswd authentication with one bcrypt entry made by {@code htpasswd -B}. */
    static DockerRegistryProcess htpasswd(Path dir, String user, String password) {
        Path file = dir.resolve("htpasswd");
        String entry = run(List.of("htpasswd", "-Bbn", user, password)).trim();
        assertThat(entry).startsWith(user + ":$2");
        write(file, entry + "\n");
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return start(dir, "auth:\n  htpasswd: {realm: slipway-test, path: \"" + file + "\"}\n", "Basic " + basic);
    }

    /** distribution's silly auth: a Bearer challenge naming this realm and service; any Authorization passes. */
    static DockerRegistryProcess silly(Path dir, URI realm, String service) {
        return start(dir, "auth:\n  silly: {realm: \"" + realm + "\", service: \"" + service + "\"}\n", "Bearer fixture");
    }

    private static DockerRegistryProcess start(Path dir, String auth, String authorization) {
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            Path config = dir.resolve("config-" + port + ".yml");
            Path log = dir.resolve("registry-" + port + ".log");
            write(config, "version: 0.1\nlog: {level: error, accesslog: {disabled: true}}\nstorage:\n"
                    + "  filesystem: {rootdirectory: \"" + dir.resolve("data") + "\"}\n  delete: {enabled: true}\n"
                    + "http: {addr: \"127.0.0.1:" + port + "\", secret: slipway-test}\n" + auth);
            Process process;
            try {
                process = new ProcessBuilder("docker-registry", "serve", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run docker-registry: install the Debian package docker-registry"
                        + " (.ci/run does)", e);
            }
            DockerRegistryProcess registry = new DockerRegistryProcess(process, port, log, authorization);
            if (registry.awaitReady()) {
                return registry;
            }
            registry.close();
            if (attempt == 2) {
                throw new IllegalStateException("docker-registry did not start: " + read(log));
            }
        }
    }

    private boolean awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                int status = http.send(HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return true;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // not ready yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    /** Pushes an image as docker would: blobs (POST then PUT), child manifests by digest, then the tag. */
    void push(ImageRepository repository, ImageTag tag, TestImage image) {
        String name = repository.path();
        for (TestImage child : image.children()) {
            pushManifest(name, child, child.digest().value());
        }
        pushManifest(name, image, tag.value());
    }

    private void pushManifest(String name, TestImage image, String reference) {
        for (Map.Entry<Digest, byte[]> blob : image.blobs().entrySet()) {
            pushBlob(name, blob.getKey(), blob.getValue());
        }
        HttpResponse<String> r = send(request("/v2/" + name + "/manifests/" + reference)
                .header("Content-Type", image.mediaType()).PUT(HttpRequest.BodyPublishers.ofByteArray(image.manifest())));
        assertThat(r.statusCode()).as("PUT manifest %s: %s", reference, r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Docker-Content-Digest")).contains(image.digest().value());
    }

    private void pushBlob(String name, Digest digest, byte[] content) {
        if (send(request("/v2/" + name + "/blobs/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode() == 200) {
            return;
        }
        HttpResponse<String> started = send(request("/v2/" + name + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as("POST upload: %s", started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        URI upload = url().resolve(location);
        String sep = upload.getRawQuery() == null ? "?" : "&";
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Authorization", authorization == null ? "None" : authorization)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(done.statusCode()).as("PUT blob: %s", done.body()).isEqualTo(201);
    }

    /** The manifest a tag holds, read over the API. */
    Optional<StoredManifest> read(ImageRepository repository, ImageTag tag) {
        HttpResponse<byte[]> r;
        try {
            r = http.send(request("/v2/" + repository.path() + "/manifests/" + tag).header("Accept", ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(r.statusCode()).as("GET manifest").isEqualTo(200);
        return Optional.of(new StoredManifest(r.headers().firstValue("Content-Type").orElseThrow(), r.body()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The registry's log, for failure messages. */
    String log() {
        return read(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port free on 127.0.0.1 a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": install it (.ci/run installs apache2-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
