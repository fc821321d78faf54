package dev.slipway.registry.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WWW-Authenticate parser and the JSON reader. */
class ChallengeAndJsonTest {

    @Test
    @DisplayName("Bearer and Basic challenges, quoted and bare values, escapes, several challenges in one header")
    void challenges() {
        assertThat(Challenge.parse(List.of("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\""))).containsExactly(new Challenge("bearer", Map.of(
                        "realm", "https://auth.docker.io/token", "service", "registry.docker.io",
                        "scope", "repository:samalba/my-app:pull,push")));
        assertThat(Challenge.parse(List.of("Basic realm=\"slipway \\\"test\\\"\"", "bearer REALM=x, service = y")))
                .containsExactly(new Challenge("basic", Map.of("realm", "slipway \"test\"")),
                        new Challenge("bearer", Map.of("realm", "x", "service", "y")));
        assertThat(Challenge.parse(List.of("Basic realm=\"a\", Bearer realm=\"b\"")))
                .extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(Challenge.parse(List.of(""))).isEmpty();
    }

    @Test
    @DisplayName("JSON: objects in order, arrays, strings with escapes, numbers, literals")
    void json() {
        Object value = Json.parse(" {\"tags\": [\"a\", \"\\u00e9\\n\"], \"n\": -1.5e2, \"t\": true, \"f\": false, \"z\": null} ");
        assertThat(value).isEqualTo(Map.of("tags", List.of("a", "é\n"), "n", new BigDecimal("-1.5e2"), "t", true,
                "f", false, "z", Json.NULL));
        assertThat(Json.object("{}")).isEmpty();
        assertThat(Json.string(Json.object("{\"a\":1}"), "a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "\"\\x\"", "01", "{\"a\":1}x", "nul",
        "{\"a\":1,\"a\":2}", "\"a\nb\""})
    void rejectsMalformedJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset ");
    }

    @Test
    void rejectsDeepNesting() {
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100))).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void loopbackHosts() {
        assertThat(OciRegistry.isLoopback("127.0.0.1:5000")).isTrue();
        assertThat(OciRegistry.isLoopback("127.1.2.3")).isTrue();
        assertThat(OciRegistry.isLoopback("localhost:80")).isTrue();
        assertThat(OciRegistry.isLoopback("128.0.0.1")).isFalse();
        assertThat(OciRegistry.isLoopback("127.0.0.1.nip.io")).isFalse();
    }
}
