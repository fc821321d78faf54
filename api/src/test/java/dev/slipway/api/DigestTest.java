package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link Digest}: {@code sha256:<64 hex>} and {@code sha512:<128 hex>}, lower case. */
class DigestTest {

    private static final String HEX = "6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b";

    @Test
    void parsesAndSplits() {
        Digest d = Digest.of("sha256:" + HEX);
        assertThat(d.algorithm()).isEqualTo("sha256");
        assertThat(d.hex()).isEqualTo(HEX);
        assertThat(d).hasToString("sha256:" + HEX).isEqualTo(new Digest("sha256:" + HEX));
        assertThat(Digest.of("sha512:" + "a".repeat(128)).algorithm()).isEqualTo("sha512");
    }

    @Test
    void sha256OfKnownContent() {
        // sha256 of the empty string and of "abc", as published in FIPS 180-2
        assertThat(Digest.sha256(new byte[0]).value())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digest.sha256("abc"))
                .isEqualTo(Digest.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .hasToString("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|no algorithm prefix",
        "6c3c624b|no algorithm prefix",
        "md5:0123|unsupported algorithm 'md5'",
        "sha256:abc|sha256 needs 64 hex digits, not 3",
        "sha512:abc|sha512 needs 128 hex digits, not 3",
        "SHA256:" + HEX + "|unsupported algorithm 'SHA256'",
        "sha256:6C3C624B58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b|upper-case hex digit at index 8",
        "sha256:6g3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b|not a hex digit at index 8",
    })
    void rejectsWithTheReason(String input, String reason) {
        InvalidDigestException e = catchThrowableOfType(InvalidDigestException.class, () -> Digest.of(input));
        assertThat(e.input()).isEqualTo(input);
        assertThat(e).hasMessage("invalid digest \"" + input + "\": " + reason
                + " (expected sha256:<64 lower-case hex digits> or sha512:<128 lower-case hex digits>)");
    }
}
