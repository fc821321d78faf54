package dev.slipway.registry.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential for one registry: a user name and password (or access token used as a password, as GHCR and
 * ECR's registry endpoint take it), or a registry token sent as a Bearer token as is. Its
 * {@link #toString()} never shows the secret.
 */
public final class Credential {

    private final String username;
    private final String secret;

    private Credential(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    /**
     * A user name and password, for Basic authentication and for the Bearer token service.
     *
     * @param username the user name, such as {@code AWS} or a GitHub user
     * @param password the password or personal access token
     * @return the credential
     * @throws IllegalArgumentException if the user name is empty or holds a colon, or the password is empty
     */
    public static Credential basic(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a registry user name must be non-empty and hold no ':'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password of registry user " + username + " is empty");
        }
        return new Credential(username, password);
    }

    /**
     * A registry token sent as {@code Authorization: Bearer <token>} without a token exchange.
     *
     * @param token the token
     * @return the credential
     * @throws IllegalArgumentException if the token is empty or holds whitespace
     */
    public static Credential bearer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a registry token must be non-empty and hold no whitespace");
        }
        return new Credential(null, token);
    }

    /**
     * The user name, for a user name and password.
     *
     * @return the user name, or empty for a registry token
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Whether this is a registry token (sent as Bearer), not a user name and password.
     *
     * @return true for a registry token
     */
    public boolean isToken() {
        return username == null;
    }

    /**
     * The value of the {@code Authorization} header this credential sends when used directly: {@code Basic}
     * with the user name and password, or {@code Bearer} with the token. Never log it.
     *
     * @return the header value
     */
    public String authorization() {
        return username == null ? "Bearer " + secret
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Equal when kind, user name and secret are.
     *
     * @param other the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Credential c && Objects.equals(c.username, username) && c.secret.equals(secret);
    }

    /**
     * A hash of the user name and secret.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(username, secret);
    }

    /**
     * The kind and user name; the secret is masked.
     *
     * @return for example {@code Credential[user alice, password ****]}
     */
    @Override
    public String toString() {
        return username == null ? "Credential[registry token ****]" : "Credential[user " + username + ", password ****]";
    }
}
