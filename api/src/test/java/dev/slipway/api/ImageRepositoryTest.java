package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ImageRepository}: Docker's reference grammar without tag or digest, and its host rule. */
class ImageRepositoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ghcr.io/acme/web|ghcr.io|acme/web",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/go-backend|123456789012.dkr.ecr.us-east-1.amazonaws.com|go-backend",
        "127.0.0.1:5000/demo/app|127.0.0.1:5000|demo/app",
        "localhost/app|localhost|app",
        "localhost:5000/a/b/c|localhost:5000|a/b/c",
        "Registry.Example.COM/x|Registry.Example.COM|x",
        "acme/web|''|acme/web",
        "web|''|web",
        "a.b_c__d-e---f|''|a.b_c__d-e---f",
        "acme/a.b_c__d-e---f|''|acme/a.b_c__d-e---f",
    })
    void splitsRegistryAndPath(String name, String registry, String path) {
        ImageRepository r = ImageRepository.of(name);
        assertThat(r.registry()).isEqualTo(registry.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(registry));
        assertThat(r.path()).isEqualTo(path);
        assertThat(r).hasToString(name).isEqualTo(new ImageRepository(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|it is empty; give a repository such as ghcr.io/acme/web",
        "ghcr.io/acme/web:1.2.3|it carries a tag; name the repository only: ghcr.io/acme/web",
        "web:latest|it carries a tag; name the repository only: web",
        "127.0.0.1:5000/app:1|it carries a tag; name the repository only: 127.0.0.1:5000/app",
        "ghcr.io/acme/web@sha256:abc|it carries a digest; name the repository only: ghcr.io/acme/web",
        "ghcr.io/|it names a registry but no repository; add the path, such as ghcr.io/acme/web",
        "ghcr.io/Acme/web|the path component 'Acme' is not lower-case letters and digits separated by '.', '_', '__' or '-'",
        "acme//web|it has an empty path component",
        "acme/web/|it has an empty path component",
        "acme/-web|the path component '-web' is not lower-case letters and digits separated by '.', '_', '__' or '-'",
        "acme/web___x|the path component 'web___x' is not lower-case letters and digits separated by '.', '_', '__' or '-'",
        "-bad.host/x|the registry host '-bad.host' is not host[:port]",
        "host.io:port/x|the registry host 'host.io:port' is not host[:port]",
    })
    void rejectsWithTheReason(String input, String reason) {
        InvalidImageRepositoryException e = catchThrowableOfType(InvalidImageRepositoryException.class,
                () -> ImageRepository.of(input));
        assertThat(e.input()).isEqualTo(input);
        assertThat(e).hasMessage("invalid image repository \"" + input + "\": " + reason);
    }

    @Test
    void limitsTheLength() {
        String longest = "a".repeat(ImageRepository.MAX_LENGTH);
        assertThat(ImageRepository.of(longest).path()).hasSize(255);
        assertThat(catchThrowableOfType(InvalidImageRepositoryException.class, () -> ImageRepository.of(longest + "a")))
                .hasMessageContaining("it is 256 characters long, more than 255");
    }

    @Test
    void registryExceptionsNameWhatTheyAreAbout() {
        ImageRepository web = ImageRepository.of("ghcr.io/acme/web");
        ImageTag tag = ImageTag.of("0.2.3");
        Digest a = Digest.sha256("a");
        Digest b = Digest.sha256("b");
        ImageTagConflictException conflict = new ImageTagConflictException(web, tag, a, b);
        assertThat(conflict.input()).isEqualTo("ghcr.io/acme/web:0.2.3");
        assertThat(conflict.existing()).isEqualTo(a);
        assertThat(conflict.requested()).isEqualTo(b);
        assertThat(conflict.repository()).isEqualTo(web);
        assertThat(conflict.tag()).isEqualTo(tag);
        assertThat(conflict).hasMessage("cannot tag " + b + " as ghcr.io/acme/web:0.2.3: the tag already holds " + a
                + " and the repository's tags are immutable; release under a new version, or promote the image the"
                + " tag already holds");
        ImageNotFoundException missing = new ImageNotFoundException(web, tag, "https://ghcr.io");
        assertThat(missing.input()).isEqualTo("ghcr.io/acme/web:0.2.3");
        assertThat(missing).hasMessage("the image ghcr.io/acme/web:0.2.3 does not exist in the registry https://ghcr.io;"
                + " push it first (or check the version and the service's image)");
        assertThat(missing.repository()).isEqualTo(web);
        assertThat(missing.tag()).isEqualTo(tag);
        ImageRepositoryNotFoundException unknown = new ImageRepositoryNotFoundException(web, "https://ghcr.io");
        assertThat(unknown.input()).isEqualTo("ghcr.io/acme/web");
        assertThat(unknown.repository()).isEqualTo(web);
        assertThat(unknown).hasMessageStartingWith("the image repository ghcr.io/acme/web does not exist in the registry"
                + " https://ghcr.io; ");
    }
}
