package dev.latchkey.identity.internal;

import dev.latchkey.platform.api.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Random session tokens (256 bits) and the hash under which the database keeps them. */
final class SessionTokens {

    static final int TOKEN_BYTES = 32;
    /** Base64url without padding of {@link #TOKEN_BYTES} bytes. */
    static final int TOKEN_CHARS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    static String newToken() {
        byte[] b = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored form of a well-formed token; empty for anything a browser could not have been given. */
    static Optional<byte[]> hash(String token) {
        if (token == null || token.length() != TOKEN_CHARS
                || !token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            return Optional.empty();
        }
        return Optional.of(Sha256.of(token));
    }
}
