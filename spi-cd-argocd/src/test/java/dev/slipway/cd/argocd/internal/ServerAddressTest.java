package dev.slipway.cd.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    static String base(String server, boolean plaintext) {
        return ServerAddress.parse(server, plaintext, "cd.server").base().toString();
    }

    @Test
    @DisplayName("host[:port] as the argocd CLI takes it: https unless plaintext")
    void hostAndPort() {
        assertThat(base("argocd.example.com", false)).isEqualTo("https://argocd.example.com");
        assertThat(base("argocd.example.com:443", false)).isEqualTo("https://argocd.example.com:443");
        assertThat(base("127.0.0.1:8080", true)).isEqualTo("http://127.0.0.1:8080");
        assertThat(base("[::1]:8080", true)).isEqualTo("http://[::1]:8080");
        assertThat(ServerAddress.parse("argocd.example.com", false, "cd.server").tls()).isTrue();
    }

    @Test
    @DisplayName("a URL keeps its scheme and path prefix (--rootpath), without a trailing slash")
    void urls() {
        assertThat(base("https://ops.example.com/argocd/", false)).isEqualTo("https://ops.example.com/argocd");
        assertThat(base("http://127.0.0.1:8080", false)).isEqualTo("http://127.0.0.1:8080");
        assertThat(ServerAddress.parse("https://x.example.com/argocd", false, "cd.server")
                .resolve("/api/v1/session", "").toString()).isEqualTo("https://x.example.com/argocd/api/v1/session");
    }

    @Test
    @DisplayName("malformed servers, credentials in the URL and https with plaintext are refused, naming the source")
    void refused() {
        for (String bad : new String[] {"", "argocd example.com", "ftp://argocd.example.com", "https://",
            "argocd.example.com:99999", "-argocd.example.com", "https://x.example.com/?a=b"}) {
            assertThatThrownBy(() -> ServerAddress.parse(bad, false, "ARGOCD_SERVER")).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("ARGOCD_SERVER");
        }
        assertThatThrownBy(() -> ServerAddress.parse("https://admin:pw@argocd.example.com", false, "cd.server"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> ServerAddress.parse("https://argocd.example.com", true, "cd.server"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plaintext");
    }
}
