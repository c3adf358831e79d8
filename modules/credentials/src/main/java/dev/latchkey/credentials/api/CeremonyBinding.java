package dev.latchkey.credentials.api;

/**
 * Ties a ceremony to the browser that began it: an opaque random value the web layer keeps in an
 * HttpOnly cookie. Only its hash is stored with the challenge, so a challenge obtained in one
 * browser cannot be finished from another.
 *
 * @param secret the cookie value; never logged
 */
public record CeremonyBinding(String secret) {

    public CeremonyBinding {
        if (secret == null || secret.length() < 16 || secret.length() > 128) {
            throw new IllegalArgumentException("a ceremony binding needs 16 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return "CeremonyBinding[redacted]";
    }
}
