package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.InvalidDigestException;
import dev.slipway.api.InvalidImageRepositoryException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of {@link Digest} and {@link ImageRepository}: round trips, the JDK's SHA-256 and the
 * distribution reference grammar (with Docker's rule for the registry host) as oracles.
 */
class RegistryValueProperties {

    /** distribution/reference: a path component. */
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    /** distribution/reference: a domain with an optional port. */
    private static final String DOMAIN = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
            + "(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern HOST = Pattern.compile(DOMAIN);

    @Property
    void repositoriesRoundTripAndSplit(@ForAll("repositories") ImageRepository repository) {
        assertThat(ImageRepository.of(repository.value())).isEqualTo(repository);
        assertThat(repository.registry().map(h -> h + "/" + repository.path()).orElse(repository.path()))
                .isEqualTo(repository.value());
        assertThat(PATH.matcher(repository.path()).matches()).isTrue();
    }

    @Property(tries = 3000)
    void anyNameIsARepositoryExactlyWhenTheReferenceGrammarSaysSo(@ForAll("repositoryish") String text) {
        int slash = text.indexOf('/');
        String first = slash < 0 ? "" : text.substring(0, slash);
        boolean hasHost = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        boolean valid = !text.isEmpty() && text.length() <= ImageRepository.MAX_LENGTH
                && (hasHost ? HOST.matcher(first).matches() && PATH.matcher(text.substring(slash + 1)).matches()
                        : PATH.matcher(text).matches());
        try {
            ImageRepository r = ImageRepository.of(text);
            assertThat(valid).as("accepted \"%s\"", text).isTrue();
            assertThat(r.registry().isPresent()).isEqualTo(hasHost);
        } catch (InvalidImageRepositoryException e) {
            assertThat(valid).as("refused \"%s\": %s", text, e.getMessage()).isFalse();
            assertThat(e.input()).isEqualTo(text);
        }
    }

    @Property
    void digestsRoundTrip(@ForAll("digests") Digest digest) {
        assertThat(Digest.of(digest.value())).isEqualTo(digest);
        assertThat(digest.algorithm() + ":" + digest.hex()).isEqualTo(digest.value());
    }

    @Property
    void sha256IsTheJdksSha256(@ForAll byte[] content) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(Digest.sha256(content).value()).isEqualTo("sha256:" + hex);
    }

    @Property(tries = 2000)
    void anyTextIsADigestExactlyWhenTheOciGrammarSaysSo(@ForAll("digestish") String text) {
        boolean valid = text.matches("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
        try {
            assertThat(Digest.of(text).value()).isEqualTo(text);
            assertThat(valid).as("accepted \"%s\"", text).isTrue();
        } catch (InvalidDigestException e) {
            assertThat(valid).as("refused \"%s\"", text).isFalse();
        }
    }

    @Provide
    Arbitrary<ImageRepository> repositories() {
        return SlipwayArbitraries.imageRepositories();
    }

    @Provide
    Arbitrary<Digest> digests() {
        return SlipwayArbitraries.digests();
    }

    @Provide
    Arbitrary<String> repositoryish() {
        Arbitrary<String> near = SlipwayArbitraries.imageRepositories().map(ImageRepository::value)
                .flatMap(v -> Arbitraries.integers().between(0, v.length()).flatMap(i -> Arbitraries.of(
                        "", "/", ":", "A", "-", ".", "_", "__", "@", "..", ":1", " ").map(ins -> v.substring(0, i) + ins + v.substring(i))));
        Arbitrary<String> random = Arbitraries.strings().withChars("abAB09.-_/:@").ofMaxLength(20);
        return Arbitraries.oneOf(near, random, Arbitraries.strings().withChars("a").ofLength(256));
    }

    @Provide
    Arbitrary<String> digestish() {
        Arbitrary<String> near = SlipwayArbitraries.digests().map(Digest::value).flatMap(v -> Arbitraries.integers()
                .between(0, v.length() - 1).flatMap(i -> Arbitraries.of("", "A", "g", "0", ":").map(c -> v.substring(0, i) + c
                        + v.substring(i + 1))));
        return Arbitraries.oneOf(near, Arbitraries.strings().withChars("sha256:0af").ofMaxLength(72));
    }
}
