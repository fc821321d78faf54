package dev.slipway.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidImageTagException;
import dev.slipway.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kustomization.setImage: in place, comments, order and the rest of the entry kept. */
class KustomizationTest {

    static final String K = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - deployment.yaml   # the app
            images:
              # the API image
              - name: ghcr.io/acme/api
                newName: 123.dkr.ecr.us-east-1.amazonaws.com/api  # mirrored
                newTag: "1.0.0"   # bumped by CI
              - name: ghcr.io/acme/web
                newTag: 2.0.0
              - {name: ghcr.io/acme/flow, newTag: '3.0.0'}
              - name: ghcr.io/acme/pinned
                newTag: 4.0.0
                digest: sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              - name: ghcr.io/acme/bare
                newName: other  # keep me
            configMapGenerator:
              - name: cfg
            """;

    static final String DIGEST = "sha256:" + "b".repeat(64);

    static String set(String yaml, String image, Optional<String> tag, Optional<String> digest) {
        byte[] in = yaml.getBytes(StandardCharsets.UTF_8);
        return new String(Kustomization.setImage("kustomization.yaml", in, image, tag, digest), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("newTag is replaced in place, keeping quotes, comments and the other fields")
    void newTag() {
        assertThat(set(K, "ghcr.io/acme/api", Optional.of("1.1.0"), Optional.empty()))
                .isEqualTo(K.replace("newTag: \"1.0.0\"", "newTag: \"1.1.0\""));
        assertThat(set(K, "ghcr.io/acme/web", Optional.of("2.1.0"), Optional.empty()))
                .isEqualTo(K.replace("newTag: 2.0.0", "newTag: 2.1.0"));
        assertThat(set(K, "ghcr.io/acme/flow", Optional.of("3.1.0"), Optional.empty()))
                .isEqualTo(K.replace("'3.0.0'", "'3.1.0'"));
    }

    @Test
    @DisplayName("a missing field is added after the entry's last line, indented like its keys")
    void addsField() {
        assertThat(set(K, "ghcr.io/acme/bare", Optional.of("5.0.0"), Optional.empty()))
                .isEqualTo(K.replace("newName: other  # keep me\n", "newName: other  # keep me\n    newTag: 5.0.0\n"));
        assertThat(set(K, "ghcr.io/acme/web", Optional.of("1.20"), Optional.of(DIGEST)))
                .isEqualTo(K.replace("newTag: 2.0.0\n", "newTag: \"1.20\"\n    digest: " + DIGEST + "\n"));
        String noNewline = "images:\r\n- name: x\r\n  newName: y";
        assertThat(set(noNewline, "x", Optional.of("1.0.0"), Optional.empty()))
                .isEqualTo(noNewline + "\r\n  newTag: 1.0.0");
    }

    @Test
    @DisplayName("a digest replaces a digest; a tag alone on a digest-pinned entry is refused")
    void digest() {
        assertThat(set(K, "ghcr.io/acme/pinned", Optional.of("4.1.0"), Optional.of(DIGEST)))
                .isEqualTo(K.replace("newTag: 4.0.0", "newTag: 4.1.0").replace("sha256:" + "a".repeat(64), DIGEST));
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/pinned", Optional.of("4.1.0"), Optional.empty()))
                .isInstanceOf(ManifestEditException.class)
                .hasMessageStartingWith("kustomization.yaml:15: ")
                .hasMessageContaining("pass the new digest too");
    }

    @Test
    @DisplayName("the same values change nothing")
    void unchanged() {
        byte[] in = K.getBytes(StandardCharsets.UTF_8);
        assertThat(Kustomization.setImage("k.yaml", in, "ghcr.io/acme/web", Optional.of("2.0.0"), Optional.empty()))
                .isSameAs(in);
    }

    @Test
    @DisplayName("unknown images, flow entries without the field, bad tags and digests are refused")
    void refusals() {
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/nope", Optional.of("1"), Optional.empty()))
                .isInstanceOf(ManifestEditException.class)
                .hasMessageContaining("no images: entry with name: ghcr.io/acme/nope")
                .hasMessageContaining("ghcr.io/acme/api, ghcr.io/acme/web");
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/flow", Optional.empty(), Optional.of(DIGEST)))
                .isInstanceOf(ManifestEditException.class).hasMessageContaining("flow");
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/web", Optional.of("1+x"), Optional.empty()))
                .isInstanceOf(InvalidImageTagException.class);
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/web", Optional.empty(), Optional.of("sha256:abc")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> set(K, "ghcr.io/acme/web", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> set("kind: Kustomization\n", "x", Optional.of("1"), Optional.empty()))
                .isInstanceOf(ManifestEditException.class).hasMessageContaining("no top-level images:");
    }
}
