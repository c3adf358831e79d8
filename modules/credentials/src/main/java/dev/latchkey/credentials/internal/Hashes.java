package dev.latchkey.credentials.internal;

import java.security.SecureRandom;
import java.util.Base64;

final class Hashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashes() {
    }

    /** WebAuthn L3 §13.4.3: challenges of at least 16 random bytes; we use 32. */
    static byte[] newChallenge() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
