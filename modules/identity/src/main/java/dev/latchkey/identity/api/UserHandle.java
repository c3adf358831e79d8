package dev.latchkey.identity.api;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The WebAuthn user handle of an account: 32 random bytes, never derived from the email address or
 * a database id, so that an authenticator holding it learns nothing about the person
 * (WebAuthn L3 {@code #dom-publickeycredentialuserentity-id}: "It is RECOMMENDED to let the user
 * handle be 64 random bytes" at most, and it MUST NOT contain personally identifying information).
 */
public final class UserHandle {

    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private UserHandle(byte[] bytes) {
        this.bytes = bytes;
    }

    public static UserHandle random() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        return new UserHandle(b);
    }

    /** Wraps stored or received bytes; WebAuthn allows 1 to 64 bytes. */
    public static UserHandle of(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > 64) {
            throw new IllegalArgumentException("a user handle has 1 to 64 bytes");
        }
        return new UserHandle(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserHandle other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "UserHandle[" + base64Url() + "]";
    }
}
