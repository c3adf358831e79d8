package dev.latchkey.credentials.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the user said the passkey is, or should go: WebAuthn Level 3 hints ({@code #enum-hints}).
 * Hints only steer the browser's dialogue; they are never a security decision.
 */
public enum Hint {
    /** "On this device": the platform authenticator (Touch ID, Windows Hello, Android screen lock). */
    CLIENT_DEVICE("client-device"),
    /** "On a phone or tablet": another device over a QR code and Bluetooth (hybrid transport). */
    HYBRID("hybrid"),
    /** "A security key": a USB, NFC or Bluetooth key. */
    SECURITY_KEY("security-key");

    private final String value;

    Hint(String value) {
        this.value = value;
    }

    /** The WebAuthn string, for example {@code security-key}. */
    public String value() {
        return value;
    }

    /** The {@code authenticatorAttachment} that goes with the hint. */
    public RegistrationPolicy.Attachment attachment() {
        return this == CLIENT_DEVICE ? RegistrationPolicy.Attachment.PLATFORM : RegistrationPolicy.Attachment.CROSS_PLATFORM;
    }

    /** @return the hint for a WebAuthn hint string, or empty for anything else */
    public static Optional<Hint> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(h -> h.value.equals(v)).findFirst();
    }
}
