package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.StoredManifest;
import dev.slipway.tck.registry.TestImage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The OCI client's HTTP behaviour against the loopback fake: paging, retries, headers, redirects, addressing. */
class OciRegistryTest {

    private FakeOciServer server;
    private ImageRegistry client;
    private ImageRepository repository;

    @BeforeEach
    void start() {
        server = new FakeOciServer();
        client = backend(3).open(RegistrySettings.NONE.withUrl(server.url()));
        repository = ImageRepository.of(server.host() + "/acme/web");
        server.createRepository("acme/web");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static OciRegistryBackend backend(int retries) {
        return OciRegistryBackend.builder().credentials(CredentialsSources.anonymous()).retries(retries)
                .retryBackoff(Duration.ZERO).build();
    }

    private List<String> seedTags(int count) {
        StoredManifest m = new StoredManifest(TestImage.OCI_MANIFEST, TestImage.ociManifest("tags").manifest());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tag = String.format("1.0.%03d", i);
            names.add(tag);
            server.put("acme/web", tag, m);
        }
        return names;
    }

    private List<FakeOciServer.Request> tagRequests() {
        return server.requests().stream().filter(r -> r.path().endsWith("/tags/list")).toList();
    }

    @Nested
    @DisplayName("tags/list follows Link pagination")
    class Paging {

        @Test
        @DisplayName("relative next links are followed to the last page, asking the configured page size")
        void relative() {
            List<String> names = seedTags(10);
            server.pageSize(4);
            try (ImageRegistry paged = OciRegistryBackend.builder().credentials(CredentialsSources.anonymous())
                    .tagsPageSize(4).build().open(RegistrySettings.NONE.withUrl(server.url()))) {
                assertThat(paged.tags(repository)).extracting(ImageTag::value).containsExactlyElementsOf(names);
            }
            assertThat(tagRequests()).extracting(FakeOciServer.Request::query)
                    .containsExactly("n=4", "n=4&last=1.0.003", "n=4&last=1.0.007");
        }

        @Test
        @DisplayName("absolute next links on the same origin are followed; the registry's own page size applies without n")
        void absolute() {
            List<String> names = seedTags(7);
            server.pageSize(2);
            server.links(FakeOciServer.LinkStyle.ABSOLUTE);
            assertThat(client.tags(repository)).extracting(ImageTag::value).containsExactlyElementsOf(names);
            assertThat(tagRequests()).hasSize(4).first().extracting(FakeOciServer.Request::query).isEqualTo("");
        }

        @Test
        @DisplayName("a Link back to a page already read is an error, not an endless loop")
        void loop() {
            seedTags(3);
            server.links(FakeOciServer.LinkStyle.LOOP);
            assertThatThrownBy(() -> client.tags(repository)).isInstanceOf(BackendException.class)
                    .hasMessageContaining("its Link headers lead back to a page already read (/v2/acme/web/tags/list)");
        }

        @Test
        @DisplayName("a Link to another origin is not followed")
        void foreign() {
            seedTags(5);
            server.pageSize(2);
            server.links(FakeOciServer.LinkStyle.FOREIGN);
            assertThatThrownBy(() -> client.tags(repository)).isInstanceOf(BackendException.class)
                    .hasMessageContaining("its Link header points to another origin (http://registry.invalid)");
        }

        @Test
        @DisplayName("an empty repository (tags: null) lists nothing")
        void empty() {
            assertThat(client.tags(repository)).isEmpty();
        }
    }

    @Nested
    @DisplayName("throttling and server errors are retried, then reported")
    class Retries {

        @Test
        @DisplayName("429 and 503 answers are retried up to the configured count")
        void retried() {
            TestImage image = TestImage.ociManifest("retry");
            server.put("acme/web", "1.0.0", new StoredManifest(image.mediaType(), image.manifest()));
            server.throttle(2);
            assertThat(client.digest(repository, ImageTag.of("1.0.0"))).contains(image.digest());
            server.unavailable(3);
            assertThat(client.tags(repository)).containsExactly(ImageTag.of("1.0.0"));
            assertThat(server.requests()).hasSize(2 + 1 + 3 + 1);
        }

        @Test
        @DisplayName("throttling beyond the retries is a BackendException that says to retry later")
        void throttledOut() {
            server.throttle(10);
            assertThatThrownBy(() -> client.digest(repository, ImageTag.of("1.0.0"))).isInstanceOf(BackendException.class)
                    .hasMessage("registry " + server.url() + " failed to read the tag 1.0.0 of " + repository
                            + ": the registry keeps throttling (HTTP 429 after 4 attempts); retry later");
            assertThat(server.requests()).hasSize(4);
        }

        @Test
        @DisplayName("server errors beyond the retries name the status, the registry's error code and message")
        void unavailable() {
            server.unavailable(10);
            assertThatThrownBy(() -> client.tags(repository)).isInstanceOf(BackendException.class)
                    .hasMessage("registry " + server.url() + " failed to list the tags of " + repository
                            + ": HTTP 503 UNAVAILABLE (try later); retry later");
        }
    }

    @Nested
    @DisplayName("manifests")
    class Manifests {

        @Test
        @DisplayName("HEAD asks for every manifest media type; without Docker-Content-Digest the bytes' digest answers")
        void headWithoutDigest() {
            TestImage image = TestImage.dockerManifestList("head");
            server.put("acme/web", "multi", new StoredManifest(image.mediaType(), image.manifest()));
            server.headWithoutDigest(true);
            assertThat(client.digest(repository, ImageTag.of("multi"))).contains(image.digest());
            assertThat(server.requests()).extracting(FakeOciServer.Request::method).containsExactly("HEAD", "GET");
            assertThat(server.requests().get(0).accept()).contains("application/vnd.oci.image.index.v1+json,"
                    + " application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json,"
                    + " application/vnd.docker.distribution.manifest.v2+json");
        }

        @Test
        @DisplayName("retag PUTs the GET's exact bytes with its Content-Type, after checking the target")
        void retagRequests() {
            TestImage image = TestImage.ociIndex("put");
            server.put("acme/web", "rc", new StoredManifest(image.mediaType(), image.manifest()));
            assertThat(client.retag(repository, ImageTag.of("rc"), ImageTag.of("1.0.0"))).isEqualTo(image.digest());
            List<FakeOciServer.Request> requests = server.requests().stream()
                    .filter(r -> r.path().contains("/manifests/")).toList();
            assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
                    "GET /v2/acme/web/manifests/rc", "HEAD /v2/acme/web/manifests/1.0.0", "PUT /v2/acme/web/manifests/1.0.0");
            assertThat(requests.get(2).contentType()).contains(TestImage.OCI_INDEX);
            assertThat(server.get("acme/web", "1.0.0").orElseThrow().bytes()).isEqualTo(image.manifest());
        }

        @Test
        @DisplayName("a registry that stores the PUT under another digest is reported, never trusted")
        void putChangesDigest() {
            TestImage image = TestImage.ociManifest("changed");
            server.put("acme/web", "rc", new StoredManifest(image.mediaType(), image.manifest()));
            server.putReportsOtherDigest(true);
            assertThatThrownBy(() -> client.retag(repository, ImageTag.of("rc"), ImageTag.of("1.0.0")))
                    .isInstanceOf(BackendException.class)
                    .hasMessage("registry " + server.url() + " stored " + repository + ":1.0.0 as " + Digest.sha256("other")
                            + " instead of " + image.digest() + ": it changed the manifest's bytes");
        }

        @Test
        @DisplayName("a redirect to another origin is followed without the Authorization header")
        void redirectDropsAuthorization() {
            TestImage image = TestImage.ociManifest("redirect");
            server.put("acme/web", "rc", new StoredManifest(image.mediaType(), image.manifest()));
            server.redirectManifestsTo("http://localhost:" + server.port());
            try (ImageRegistry withToken = OciRegistryBackend.builder()
                    .credentials(CredentialsSources.fixed(Credential.bearer("registry-token-value"))).build()
                    .open(RegistrySettings.NONE.withUrl(server.url()))) {
                assertThat(withToken.retag(repository, ImageTag.of("rc"), ImageTag.of("rc"))).isEqualTo(image.digest());
            }
            List<FakeOciServer.Request> gets = server.requests().stream().filter(r -> r.method().equals("GET")).toList();
            assertThat(gets).hasSize(2);
            assertThat(gets.get(0).authorization()).contains("Bearer registry-token-value");
            assertThat(gets.get(1).query()).isEqualTo("redirected");
            assertThat(gets.get(1).authorization()).isEmpty();
        }
    }

    @Nested
    @DisplayName("which registry an image is on")
    class Addressing {

        @Test
        @DisplayName("without registry.url the image's host is used; loopback hosts speak http")
        void imageHost() {
            TestImage image = TestImage.ociManifest("host");
            server.put("acme/web", "1.0.0", new StoredManifest(image.mediaType(), image.manifest()));
            try (ImageRegistry byHost = backend(0).open(RegistrySettings.NONE)) {
                assertThat(byHost.digest(repository, ImageTag.of("1.0.0"))).contains(image.digest());
                assertThat(byHost.digest(ImageRepository.of("localhost:" + server.port() + "/acme/web"), ImageTag.of("1.0.0")))
                        .contains(image.digest());
            }
        }

        @Test
        @DisplayName("an image without a host needs registry.url; with it, the path is on the configured registry")
        void noHost() {
            TestImage image = TestImage.ociManifest("nohost");
            server.put("acme/web", "1.0.0", new StoredManifest(image.mediaType(), image.manifest()));
            assertThat(client.digest(ImageRepository.of("acme/web"), ImageTag.of("1.0.0"))).contains(image.digest());
            try (ImageRegistry byHost = backend(0).open(RegistrySettings.NONE)) {
                assertThatThrownBy(() -> byHost.tags(ImageRepository.of("acme/web"))).isInstanceOf(InvalidInputException.class)
                        .hasMessage("the image acme/web names no registry host and registry.url is not set; write the host"
                                + " into the image (ghcr.io/acme/web) or set registry.url");
            }
        }

        @Test
        @DisplayName("registry.url with the default port serves an image host without it")
        void defaultPort() {
            try (ImageRegistry https = backend(0).open(RegistrySettings.NONE.withUrl(URI.create("https://ghcr.io:443")))) {
                assertThatThrownBy(() -> https.tags(ImageRepository.of("quay.io/acme/web")))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("the image quay.io/acme/web is on the registry quay.io, but this registry"
                                + " client serves https://ghcr.io:443 (registry.url)");
            }
        }

        @Test
        @DisplayName("a closed client refuses calls; the backend's and client's toString name no credential")
        void closedAndToString() {
            ImageRegistry c = OciRegistryBackend.builder().credentials(CredentialsSources.fixed(Credential.basic("u", "hidden-pw")))
                    .build().open(RegistrySettings.NONE.withUrl(server.url()));
            assertThat(c.toString()).isEqualTo("OciRegistry[" + server.url() + ", credentials static]");
            c.close();
            c.close();
            assertThatThrownBy(() -> c.tags(repository)).isInstanceOf(IllegalStateException.class);
            assertThat(Credential.basic("u", "hidden-pw").toString()).isEqualTo("Credential[user u, password ****]");
            assertThat(Credential.bearer("hidden-tok").toString()).isEqualTo("Credential[registry token ****]");
            assertThat(new OciRegistryBackend().toString()).isEqualTo("OciRegistryBackend[default credentials]");
            assertThat(Optional.of(c)).isPresent();
        }
    }
}
