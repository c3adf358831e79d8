package dev.latchkey.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of secrets the database keeps only in hashed form (tokens, codes, cookies), and of stable keys. */
public final class Sha256 {

    private Sha256() {
    }

    /** @return the 32-byte SHA-256 of {@code text} in UTF-8 */
    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
