package dev.latchkey.credentials.internal;

import dev.latchkey.identity.api.SignInMethod;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the passkey that answered a sign-in was. The browser reports {@code authenticatorAttachment}
 * unsigned, and "cross-platform" covers both a phone over a QR code (hybrid) and a security key,
 * so the passkey's transports, stored at registration, tell the two apart. Serves coverage and
 * analytics only, never a security decision.
 */
final class PasskeyLocation {

    private static final Set<String> ROAMING_ONLY = Set.of("usb", "nfc", "ble", "smart-card");

    private PasskeyLocation() {
    }

    static SignInMethod of(Optional<String> attachment, List<String> transports) {
        if (attachment.isEmpty()) {
            return SignInMethod.PASSKEY;
        }
        if ("platform".equals(attachment.get())) {
            return SignInMethod.PASSKEY_THIS_DEVICE;
        }
        if (transports.contains("hybrid") || transports.contains("internal")) {
            // A passkey that lives in a phone's or a provider's platform authenticator, used
            // from another device.
            return SignInMethod.PASSKEY_OTHER_DEVICE;
        }
        if (!transports.isEmpty() && ROAMING_ONLY.containsAll(transports)) {
            return SignInMethod.SECURITY_KEY;
        }
        return SignInMethod.PASSKEY;
    }
}
