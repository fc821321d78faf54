package dev.slipway.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials sources: environment, docker's config.json and its helpers, chains and names. */
class CredentialsSourcesTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("env")
    class Environment {

        @Test
        @DisplayName("a user name and password, or a token, apply to every host")
        void variables() {
            RegistryCredentials basic = CredentialsSources.environment(Map.of("SLIPWAY_REGISTRY_USERNAME", "u",
                    "SLIPWAY_REGISTRY_PASSWORD", "p"));
            assertThat(basic.name()).isEqualTo("env");
            assertThat(basic.lookup("ghcr.io")).contains(Credential.basic("u", "p"));
            assertThat(CredentialsSources.environment(Map.of("SLIPWAY_REGISTRY_TOKEN", "t")).lookup("x.io"))
                    .contains(Credential.bearer("t"));
            assertThat(CredentialsSources.environment(Map.of()).lookup("x.io")).isEmpty();
        }

        @Test
        @DisplayName("half a pair, or a pair and a token, is refused naming the variables, never their values")
        void malformed() {
            assertThatThrownBy(() -> CredentialsSources.environment(Map.of("SLIPWAY_REGISTRY_PASSWORD", "secret-value")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("SLIPWAY_REGISTRY_PASSWORD is set but SLIPWAY_REGISTRY_USERNAME is not; set both, or"
                            + " SLIPWAY_REGISTRY_TOKEN alone");
            assertThatThrownBy(() -> CredentialsSources.environment(Map.of("SLIPWAY_REGISTRY_USERNAME", "u",
                    "SLIPWAY_REGISTRY_PASSWORD", "p", "SLIPWAY_REGISTRY_TOKEN", "secret-value")))
                    .hasMessageNotContaining("secret-value").hasMessageContaining("are both set");
        }
    }

    @Nested
    @DisplayName("docker-config")
    class DockerConfig {

        @TempDir
        Path dir;

        private RegistryCredentials config(String json) throws Exception {
            Path file = dir.resolve("config.json");
            Files.writeString(file, json);
            return CredentialsSources.dockerConfig(file);
        }

        @Test
        @DisplayName("auths entries match by host whatever URL form docker login wrote, for auth, username/password and registrytoken")
        void auths() throws Exception {
            RegistryCredentials c = config("{\"auths\":{"
                    + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:pw1") + "\"},"
                    + "\"ghcr.io\":{\"username\":\"gh\",\"password\":\"pw2\"},"
                    + "\"127.0.0.1:5000\":{\"registrytoken\":\"tok3\"},"
                    + "\"quay.io\":{\"identitytoken\":\"refresh\"}}}");
            assertThat(c.lookup("docker.io")).contains(Credential.basic("hub", "pw1"));
            assertThat(c.lookup("registry-1.docker.io")).contains(Credential.basic("hub", "pw1"));
            assertThat(c.lookup("GHCR.io")).contains(Credential.basic("gh", "pw2"));
            assertThat(c.lookup("127.0.0.1:5000")).contains(Credential.bearer("tok3"));
            assertThat(c.lookup("127.0.0.1:5001")).isEmpty();
            assertThat(c.lookup("quay.io")).as("identity tokens are not exchanged").isEmpty();
        }

        @Test
        @DisplayName("a missing file has no credentials; a malformed one is refused naming the file, not its content")
        void missingAndMalformed() throws Exception {
            assertThat(CredentialsSources.dockerConfig(dir.resolve("none.json")).lookup("ghcr.io")).isEmpty();
            assertThatThrownBy(() -> config("{\"auths\": {\"ghcr.io\": {\"auth\": \"secret-no-colon\"").lookup("ghcr.io"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(dir.resolve("config.json").toString())
                    .hasMessageNotContaining("secret-no-colon");
            assertThatThrownBy(() -> config("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("nocolon") + "\"}}}").lookup("ghcr.io"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageEndingWith("has a malformed entry for ghcr.io: its auth is not base64 of user:password;"
                            + " run docker login ghcr.io again");
        }

        @Test
        @DisplayName("credHelpers and credsStore run docker-credential-<name> get with the host on stdin")
        void helpers() throws Exception {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path helper = bin.resolve("docker-credential-fake");
            Files.writeString(helper, "#!/bin/sh\nread host\nif [ \"$host\" = unknown.io ]; then echo 'credentials not found in"
                    + " native keychain'; exit 1; fi\nif [ \"$host\" = broken.io ]; then echo 'boom'; exit 3; fi\n"
                    + "printf '{\"ServerURL\":\"%s\",\"Username\":\"user-%s\",\"Secret\":\"s3cret\"}' \"$host\" \"$host\"\n");
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path file = dir.resolve("config.json");
            Files.writeString(file, "{\"credHelpers\":{\"ecr.example.com\":\"fake\"},\"credsStore\":\"fake\","
                    + "\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("gh:pw") + "\"}}}");
            RegistryCredentials c = new dev.slipway.registry.oci.internal.DockerConfigCredentials(file, List.of(bin));
            assertThat(c.lookup("ecr.example.com")).contains(Credential.basic("user-ecr.example.com", "s3cret"));
            assertThat(c.lookup("ghcr.io")).contains(Credential.basic("gh", "pw"));
            assertThat(c.lookup("other.io")).contains(Credential.basic("user-other.io", "s3cret"));
            assertThat(c.lookup("unknown.io")).isEmpty();
            assertThatThrownBy(() -> c.lookup("broken.io")).isInstanceOf(BackendException.class)
                    .hasMessage("the credential helper docker-credential-fake failed for broken.io (exit 3); run it by hand"
                            + " to see why");
            RegistryCredentials missing = new dev.slipway.registry.oci.internal.DockerConfigCredentials(file, List.of(dir));
            assertThatThrownBy(() -> missing.lookup("ecr.example.com")).isInstanceOf(BackendException.class)
                    .hasMessageContaining("uses the credential helper docker-credential-fake, which is not on the PATH");
        }
    }

    @Nested
    @DisplayName("names and chains")
    class Names {

        @Test
        @DisplayName("built-in names resolve; an unknown name lists the known ones; a secret-looking value is not echoed")
        void named() {
            assertThat(CredentialsSources.named("env").name()).isEqualTo("env");
            assertThat(CredentialsSources.named("docker-config").name()).isEqualTo("docker-config");
            assertThat(CredentialsSources.named("anonymous").lookup("ghcr.io")).isEmpty();
            assertThat(CredentialsSources.named("default").name()).isEqualTo("default (env, docker-config)");
            assertThat(CredentialsSources.named("from-test").lookup("x")).contains(Credential.bearer("provided"));
            assertThatThrownBy(() -> CredentialsSources.named("vault")).isInstanceOf(InvalidInputException.class)
                    .hasMessage("registry.credentials names 'vault', which is no credentials source; known: anonymous,"
                            + " default, docker-config, env, from-test (secrets go in the environment or docker's"
                            + " config.json, never in slipway.yaml)");
            assertThatThrownBy(() -> CredentialsSources.named("ghp_AbC123SecretToken"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.input()).isEqualTo("(hidden)"))
                    .hasMessageNotContaining("ghp_AbC123SecretToken")
                    .hasMessageStartingWith("registry.credentials names a value that is not a source name (not shown: it may"
                            + " be a secret)");
        }

        @Test
        @DisplayName("a chain answers with its first source that has a credential; fixed(host, ...) serves one host")
        void chain() {
            RegistryCredentials first = CredentialsSources.fixed("a.io", Credential.basic("a", "1"));
            RegistryCredentials second = CredentialsSources.fixed(Credential.basic("b", "2"));
            RegistryCredentials chain = CredentialsSources.chain("mine", List.of(first, second));
            assertThat(chain.name()).isEqualTo("mine");
            assertThat(chain.lookup("A.io")).contains(Credential.basic("a", "1"));
            assertThat(chain.lookup("b.io")).contains(Credential.basic("b", "2"));
            assertThat(chain.toString()).isEqualTo("RegistryCredentials[mine]");
            assertThat(Optional.of(chain)).isPresent();
        }
    }

    /** A credentials source provided through ServiceLoader (registered in the tests' META-INF/services). */
    public static final class FromTest implements RegistryCredentials {

        /** As ServiceLoader needs. */
        public FromTest() {
        }

        @Override
        public String name() {
            return "from-test";
        }

        @Override
        public Optional<Credential> lookup(String host) {
            return Optional.of(Credential.bearer("provided"));
        }
    }
}
