package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One browser profile an account signs in from: the pair (account, device cookie).
 *
 * @param label       a friendly name such as "Chrome on Windows" or "Safari on iPhone"
 * @param browser     the browser's name ("Chrome", "Safari", ...), or "Browser" when unknown
 * @param platform    the platform's name ("Windows", "iPhone", "Android", "Mac", "Linux", ...)
 * @param deviceClass "Phone", "Tablet", "Desktop" or "Unknown"
 * @param shared      a shared or public device (as last seen): never nudged to hold a passkey
 * @param givenName   the person's own name for it ("Work laptop"), when they gave one
 */
public record Device(
        UUID id,
        UUID accountId,
        String label,
        String browser,
        String platform,
        String deviceClass,
        Instant firstSeen,
        Instant lastSeen,
        Capabilities capabilities,
        boolean shared,
        java.util.Optional<String> givenName) {

    public Device {
        java.util.Objects.requireNonNull(givenName, "givenName");
    }

    /** A device the person has not named. */
    public Device(UUID id, UUID accountId, String label, String browser, String platform, String deviceClass,
                  Instant firstSeen, Instant lastSeen, Capabilities capabilities, boolean shared) {
        this(id, accountId, label, browser, platform, deviceClass, firstSeen, lastSeen, capabilities, shared,
                java.util.Optional.empty());
    }

    /** What to call it: the person's name for it, else the automatic label. */
    public String name() {
        return givenName.orElse(label);
    }
}
