package dev.latchkey.credentials.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a passkey is, read from what the browser reported: the {@code authenticatorAttachment} of
 * the ceremony and the transports stored at registration. The one home of that reading, for sign-in
 * methods, coverage, the account page's words and the device a new passkey is noted on.
 *
 * <p>Both are unsigned, and {@code cross-platform} covers a phone over a QR code (hybrid) as well
 * as a security key; the transports tell the two apart (STACK.md). For coverage, words and
 * analytics only, never for a security decision.
 */
public enum PasskeyPlacement {
    /** The platform authenticator of the browser's own device ({@code platform}). */
    THIS_DEVICE,
    /** A phone's, tablet's or provider's platform authenticator, used from another device (hybrid). */
    ANOTHER_DEVICE,
    /** A roaming security key: USB, NFC, Bluetooth or smart card, and nothing else. */
    SECURITY_KEY,
    /** The browser did not say, or said too little. */
    UNKNOWN;

    /** The transports of roaming security keys (#enum-transport). */
    private static final Set<String> ROAMING = Set.of("usb", "nfc", "ble", "smart-card");

    /** The attachment and transports a ceremony reported. */
    public static PasskeyPlacement of(Optional<String> attachment, List<String> transports) {
        if (attachment.isEmpty()) {
            return UNKNOWN;
        }
        if ("platform".equals(attachment.get())) {
            return THIS_DEVICE;
        }
        if (viaPhoneOrProvider(transports)) {
            return ANOTHER_DEVICE;
        }
        return roamingOnly(transports) ? SECURITY_KEY : UNKNOWN;
    }

    /** A passkey of the given passkey's kind, as reported when it was made. */
    public static PasskeyPlacement of(Passkey passkey) {
        return of(passkey.attachment(), passkey.transports());
    }

    /**
     * Whether it may well be a security key, for the account page's words: anything reached only
     * over roaming transports, or reported {@code cross-platform} without hybrid or internal (some
     * browsers report no transports for security keys). Wider than {@link #SECURITY_KEY} on purpose.
     */
    public static boolean looksLikeSecurityKey(Optional<String> attachment, List<String> transports) {
        return roamingOnly(transports)
                || attachment.filter("cross-platform"::equals).isPresent() && !viaPhoneOrProvider(transports);
    }

    private static boolean roamingOnly(List<String> transports) {
        return !transports.isEmpty() && ROAMING.containsAll(transports);
    }

    private static boolean viaPhoneOrProvider(List<String> transports) {
        return transports.contains("hybrid") || transports.contains("internal");
    }
}
