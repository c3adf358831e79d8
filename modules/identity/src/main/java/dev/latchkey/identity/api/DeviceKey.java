package dev.latchkey.identity.api;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The value of the device cookie: 256 random bits that identify a browser profile and nothing
 * else (no account, no person). Never logged.
 */
public record DeviceKey(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public DeviceKey {
        if (value == null || value.length() != 43 || !value.chars().allMatch(c ->
                c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("not a device key");
        }
    }

    public static DeviceKey random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new DeviceKey(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /** A cookie value if it is a well-formed key. */
    public static java.util.Optional<DeviceKey> parse(String value) {
        try {
            return java.util.Optional.of(new DeviceKey(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "DeviceKey[redacted]";
    }
}
