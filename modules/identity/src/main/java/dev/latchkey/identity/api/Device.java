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
 * @param lastPasskeySignIn the newest successful passkey sign-in on it (method and moment), when there was one:
 *                    kept with the device by every sign-in, so that nobody needs to read the sign-in log for it
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
        java.util.Optional<String> givenName,
        java.util.Optional<PasskeySignIn> lastPasskeySignIn) {

    public Device {
        java.util.Objects.requireNonNull(givenName, "givenName");
        java.util.Objects.requireNonNull(lastPasskeySignIn, "lastPasskeySignIn");
    }

    /** How and when a passkey last signed in on this device ({@link SignInMethod#isPasskey()}). */
    public record PasskeySignIn(SignInMethod method, Instant at) {
    }

    /** A device the person may have named, with no passkey sign-in known. */
    public Device(UUID id, UUID accountId, String label, String browser, String platform, String deviceClass,
                  Instant firstSeen, Instant lastSeen, Capabilities capabilities, boolean shared,
                  java.util.Optional<String> givenName) {
        this(id, accountId, label, browser, platform, deviceClass, firstSeen, lastSeen, capabilities, shared,
                givenName, java.util.Optional.empty());
    }

    /** The same device, with this newest passkey sign-in. */
    public Device withLastPasskeySignIn(java.util.Optional<PasskeySignIn> last) {
        return new Device(id, accountId, label, browser, platform, deviceClass, firstSeen, lastSeen, capabilities,
                shared, givenName, last);
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
