package dev.slipway.cd.argocd.internal;

import dev.slipway.api.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the Argo CD API is: the base URI every path is appended to, from {@code host[:port]} (as the
 * {@code argocd} CLI's {@code --server} takes it) or a URL (with an optional path prefix, for a server
 * run with {@code --rootpath}).
 *
 * @param base the base URI, {@code http} or {@code https}, without a trailing slash
 */
public record ServerAddress(URI base) {

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?");

    /**
     * Checks the parts.
     */
    public ServerAddress {
        Objects.requireNonNull(base, "base");
    }

    /**
     * Parses a server as configured.
     *
     * @param server {@code host[:port]} or an {@code http(s)} URL
     * @param plaintext whether to use HTTP without TLS
     * @param source where the value came from, for messages ({@code cd.server} or {@code ARGOCD_SERVER})
     * @return the address
     * @throws InvalidInputException if the value is not a host, host and port, or HTTP(S) URL, carries
     *     credentials, or asks for TLS while {@code plaintext} is set
     */
    public static ServerAddress parse(String server, boolean plaintext, String source) {
        String text = server.strip();
        if (text.contains("://")) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw invalid(server, source, "it is not a valid URL (" + e.getReason() + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw invalid(server, source, "the scheme must be https or http, not '" + uri.getScheme() + "'");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidInputException(source, source + " must not carry credentials; the token comes from"
                        + " ARGOCD_AUTH_TOKEN (or ARGOCD_USERNAME and ARGOCD_PASSWORD)");
            }
            if (uri.getHost() == null) {
                throw invalid(server, source, "it names no host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw invalid(server, source, "it must not have a query or fragment");
            }
            if (plaintext && scheme.equals("https")) {
                throw invalid(server, source, "cd.plaintext is set but the URL asks for https; drop one of them");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new ServerAddress(URI.create(scheme + "://" + uri.getRawAuthority() + path));
        }
        if (!HOST_PORT.matcher(text).matches()) {
            throw invalid(server, source, "expected host[:port] such as argocd.example.com:443, or a URL");
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0 && !text.endsWith("]")) {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw invalid(server, source, "the port must be 1 to 65535");
            }
        }
        return new ServerAddress(URI.create((plaintext ? "http" : "https") + "://" + text));
    }

    private static InvalidInputException invalid(String server, String source, String why) {
        return new InvalidInputException(server, "invalid Argo CD server \"" + server + "\" in " + source + ": " + why);
    }

    /**
     * Whether calls use TLS.
     *
     * @return true for https
     */
    public boolean tls() {
        return base.getScheme().equals("https");
    }

    /**
     * The URI of an API path with an encoded query.
     *
     * @param path the path, starting with {@code /api/}
     * @param query the query, already encoded, or empty
     * @return the URI
     */
    public URI resolve(String path, String query) {
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * The base URI.
     *
     * @return the base, as text
     */
    @Override
    public String toString() {
        return base.toString();
    }
}
