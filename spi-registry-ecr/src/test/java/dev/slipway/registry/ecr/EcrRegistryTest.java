package dev.slipway.registry.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.api.BackendException;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.registry.oci.Credential;
import dev.slipway.registry.oci.CredentialsSources;
import dev.slipway.registry.oci.OciRegistryBackend;
import dev.slipway.registry.oci.RegistryCredentials;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.Mutability;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import dev.slipway.tck.registry.TestImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The ECR adapter's requests, retries, error mapping, class path and credentials for the OCI adapter. */
class EcrRegistryTest {

    private static final String NAME = "team/web";
    private static final ImageRepository WEB = ImageRepository.of(FakeEcrServer.HOST + "/" + NAME);

    private FakeEcrServer server;
    private ImageRegistry client;

    @BeforeEach
    void start() {
        server = new FakeEcrServer();
        server.createRepository(NAME, Mutability.MUTABLE);
        client = EcrRegistryContractTest.backend(3).open(settings());
    }

    @AfterEach
    void stop() {
        client.close();
        assertThat(server.problems()).as("requests that break ECR's service model").isEmpty();
        server.close();
    }

    private RegistrySettings settings() {
        return RegistrySettings.NONE.withRegion(FakeEcrServer.REGION).withEndpoint(server.endpoint());
    }

    private TestImage seed(String tag, TestImage image) {
        server.push(NAME, tag, new String(image.manifest(), StandardCharsets.UTF_8), image.mediaType());
        return image;
    }

    private List<FakeEcrServer.Request> calls(String operation) {
        return server.requests().stream().filter(r -> r.operation().equals(operation)).toList();
    }

    @Nested
    @DisplayName("the calls it makes")
    class Calls {

        @Test
        @DisplayName("digest: DescribeImages for one tag, with the account from the image's host, signed with the host's keys")
        void describeImages() {
            TestImage image = seed("1.0.0", TestImage.ociManifest("d"));
            assertThat(client.digest(WEB, ImageTag.of("1.0.0"))).contains(image.digest());
            FakeEcrServer.Request call = calls("DescribeImages").get(0);
            assertThat(call.body().toString()).isEqualTo("{\"registryId\":\"123456789012\",\"repositoryName\":\"team/web\","
                    + "\"imageIds\":[{\"imageTag\":\"1.0.0\"}]}");
            assertThat(call.accessKeyId()).isEqualTo(EcrRegistryContractTest.ACCESS_KEY);
        }

        @Test
        @DisplayName("tags: ListImages filtered to TAGGED, following nextToken over every page")
        void listImages() {
            server.pageSize(2);
            for (int i = 0; i < 5; i++) {
                seed("v" + i, TestImage.ociManifest("t" + i));
            }
            assertThat(client.tags(WEB)).extracting(ImageTag::value).containsExactly("v0", "v1", "v2", "v3", "v4");
            List<FakeEcrServer.Request> pages = calls("ListImages");
            assertThat(pages).hasSize(3);
            assertThat(pages).allSatisfy(p -> assertThat(p.body().path("filter").path("tagStatus").asText()).isEqualTo("TAGGED"));
            assertThat(pages.get(1).body().has("nextToken")).isTrue();
        }

        @Test
        @DisplayName("retag: BatchGetImage with the four accepted media types, then PutImage with the same string, type and digest")
        void batchGetThenPut() {
            TestImage image = seed("rc", TestImage.dockerManifestList("r"));
            assertThat(client.retag(WEB, ImageTag.of("rc"), ImageTag.of("1.0.0"))).isEqualTo(image.digest());
            assertThat(calls("BatchGetImage").get(0).body().path("acceptedMediaTypes").toString()).isEqualTo(
                    "[\"application/vnd.oci.image.index.v1+json\",\"application/vnd.oci.image.manifest.v1+json\","
                            + "\"application/vnd.docker.distribution.manifest.list.v2+json\","
                            + "\"application/vnd.docker.distribution.manifest.v2+json\"]");
            var put = calls("PutImage").get(0).body();
            assertThat(put.path("imageManifest").asText()).isEqualTo(new String(image.manifest(), StandardCharsets.UTF_8));
            assertThat(put.path("imageManifestMediaType").asText()).isEqualTo(TestImage.DOCKER_MANIFEST_LIST);
            assertThat(put.path("imageDigest").asText()).isEqualTo(image.digest().value());
            assertThat(put.path("imageTag").asText()).isEqualTo("1.0.0");
        }

        @Test
        @DisplayName("an immutable tag already holding the digest is success (ImageAlreadyExists); mutability maps exclusions to MIXED")
        void immutable() {
            server.createRepository(NAME, Mutability.IMMUTABLE);
            TestImage image = seed("rc", TestImage.ociManifest("i"));
            seed("1.0.0", image);
            assertThat(client.retag(WEB, ImageTag.of("rc"), ImageTag.of("1.0.0"))).isEqualTo(image.digest());
            assertThat(client.mutability(WEB)).isEqualTo(Mutability.IMMUTABLE);
            server.createRepository(NAME, Mutability.MIXED);
            assertThat(client.mutability(WEB)).isEqualTo(Mutability.MIXED);
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {

        @Test
        @DisplayName("RepositoryNotFoundException names the repository, the account and the region")
        void repositoryNotFound() {
            ImageRepository missing = ImageRepository.of(FakeEcrServer.HOST + "/team/missing");
            assertThatThrownBy(() -> client.digest(missing, ImageTag.of("1.0.0")))
                    .isInstanceOf(ImageRepositoryNotFoundException.class)
                    .hasMessage("the image repository " + missing + " does not exist in the registry Amazon ECR registry"
                            + " 123456789012 in us-east-1; check the service's image in slipway.yaml and the registry"
                            + " settings, or create the repository");
        }

        @Test
        @DisplayName("a throttling burst shorter than the retries is absorbed; a longer one is a clear BackendException")
        void throttling() {
            TestImage image = seed("1.0.0", TestImage.ociManifest("th"));
            server.throttle(2);
            assertThat(client.digest(WEB, ImageTag.of("1.0.0"))).contains(image.digest());
            assertThat(calls("DescribeImages")).hasSize(3);
            server.throttle(10);
            Throwable failure = catchThrowable(() -> client.tags(WEB));
            assertThat(failure).isInstanceOf(BackendException.class).hasMessage("Amazon ECR registry 123456789012 in"
                    + " us-east-1 failed to list the tags of " + WEB + ": it kept throttling (ThrottlingException after 3"
                    + " attempts); retry later, or give the backend a retry strategy with more attempts");
            assertThat(calls("ListImages")).hasSize(3);
        }

        @Test
        @DisplayName("server errors are retried, then reported with the code and the attempts")
        void serverErrors() {
            server.serverErrors(10);
            assertThatThrownBy(() -> client.mutability(WEB)).isInstanceOf(BackendException.class)
                    .hasMessage("Amazon ECR registry 123456789012 in us-east-1 failed to read the mutability of " + WEB
                            + ": ServerException (internal failure) after 3 attempts; retry later");
            assertThat(calls("DescribeRepositories")).hasSize(3);
        }

        @Test
        @DisplayName("the default retry strategy is pinned: 5 attempts whatever aws.maxAttempts and aws.retryMode say")
        void pinnedRetries() {
            String attempts = System.setProperty("aws.maxAttempts", "1");
            String mode = System.setProperty("aws.retryMode", "legacy");
            try (ImageRegistry pinned = EcrRegistryBackend.builder()
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
                    .build().open(settings())) {
                server.serverErrors(4);
                assertThat(pinned.tags(WEB)).isEmpty();
                assertThat(calls("ListImages")).hasSize(EcrRegistryBackend.DEFAULT_MAX_ATTEMPTS);
            } finally {
                restore("aws.maxAttempts", attempts);
                restore("aws.retryMode", mode);
            }
            assertThat(EcrRegistryBackend.defaultRetryStrategy().maxAttempts()).isEqualTo(5);
        }

        @Test
        @DisplayName("images outside ECR, and names ECR cannot hold, are refused before any call")
        void refusedBeforeAnyCall() {
            assertThatThrownBy(() -> client.tags(ImageRepository.of("ghcr.io/acme/web"))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("the image ghcr.io/acme/web is not in Amazon ECR: its host ghcr.io is not"
                            + " <account>.dkr.ecr.<region>.amazonaws.com; use the registry-oci backend for other registries");
            assertThatThrownBy(() -> client.tags(ImageRepository.of(FakeEcrServer.HOST + "/a")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("which is not 2 to 256 characters");
            assertThat(server.requests()).isEmpty();
        }

        private void restore(String key, String value) {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        }
    }

    @Nested
    @DisplayName("class path and discovery")
    class ClassPath {

        @Test
        @DisplayName("the SDK's Apache, Apache 5 and Netty HTTP clients are not on the class path; the URL-connection client is")
        void excludedHttpClients() throws Exception {
            for (String excluded : List.of("software.amazon.awssdk.http.apache.ApacheHttpClient",
                    "software.amazon.awssdk.http.apache5.Apache5HttpClient",
                    "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient", "org.apache.http.client.HttpClient",
                    "io.netty.channel.Channel")) {
                assertThatThrownBy(() -> Class.forName(excluded)).as(excluded).isInstanceOf(ClassNotFoundException.class);
            }
            assertThat(Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient")).isNotNull();
        }

        @Test
        @DisplayName("ServiceLoader finds registry-ecr, and the OCI adapter's named source ecr")
        void discovery() {
            assertThat(ServiceLoader.load(RegistryBackend.class).stream().map(ServiceLoader.Provider::get)
                    .filter(b -> b.id().equals("registry-ecr")).toList()).singleElement().isInstanceOf(EcrRegistryBackend.class);
            assertThat(new EcrRegistryBackend().id()).isEqualTo(EcrRegistryBackend.ID);
            assertThat(CredentialsSources.named("ecr")).isInstanceOf(EcrCredentials.class);
            assertThat(new EcrRegistryBackend().toString()).isEqualTo("EcrRegistryBackend[default credentials chain, 5 attempts]");
        }
    }

    @Nested
    @DisplayName("ECR's credentials for the OCI adapter")
    class ForOci {

        @Test
        @DisplayName("GetAuthorizationToken gives user AWS and its password, cached; hosts outside ECR get none")
        void token() {
            server.password("p@ss-from-ecr");
            RegistryCredentials ecr = EcrCredentials.of(Optional.of(server.endpoint()),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")),
                    EcrRegistryBackend.defaultRetryStrategy(), Clock.systemUTC());
            assertThat(ecr.lookup(FakeEcrServer.HOST)).contains(Credential.basic("AWS", "p@ss-from-ecr"));
            assertThat(ecr.lookup(FakeEcrServer.HOST)).contains(Credential.basic("AWS", "p@ss-from-ecr"));
            assertThat(calls("GetAuthorizationToken")).hasSize(1);
            assertThat(ecr.lookup("ghcr.io")).isEmpty();
            assertThat(ecr.toString()).doesNotContain("p@ss-from-ecr").doesNotContain("SECRET");
        }

        @Test
        @DisplayName("the OCI adapter reaches an ECR-style registry endpoint with ECR's token over Basic authentication")
        void ociThroughEcrToken() throws Exception {
            server.password("ecr-token-pw");
            TestImage image = TestImage.ociManifest("oci");
            String expected = "Basic " + Base64.getEncoder().encodeToString("AWS:ecr-token-pw".getBytes(StandardCharsets.UTF_8));
            HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            registry.createContext("/v2/", x -> {
                try (x) {
                    if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                        x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ecr\"");
                        x.sendResponseHeaders(401, -1);
                        return;
                    }
                    x.getResponseHeaders().add("Docker-Content-Digest", image.digest().value());
                    x.sendResponseHeaders(200, -1);
                }
            });
            registry.start();
            try {
                RegistryCredentials ecr = EcrCredentials.of(Optional.of(server.endpoint()),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")),
                        EcrRegistryBackend.defaultRetryStrategy(), Clock.systemUTC());
                // the OCI client asks ECR's source for the image's ECR host; the registry endpoint is the loopback fake
                RegistryCredentials asEcrHost = new RegistryCredentials() {
                    @Override
                    public String name() {
                        return ecr.name();
                    }

                    @Override
                    public Optional<Credential> lookup(String host) {
                        return ecr.lookup(FakeEcrServer.HOST);
                    }
                };
                try (ImageRegistry oci = OciRegistryBackend.builder().credentials(asEcrHost).build().open(RegistrySettings.NONE
                        .withUrl(java.net.URI.create("http://127.0.0.1:" + registry.getAddress().getPort())))) {
                    assertThat(oci.digest(ImageRepository.of("team/web"), ImageTag.of("1.0.0")))
                            .contains(Digest.of(image.digest().value()));
                }
            } finally {
                registry.stop(0);
            }
        }
    }
}
