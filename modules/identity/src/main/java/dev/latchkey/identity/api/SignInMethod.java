package dev.latchkey.identity.api;

/**
 * How someone signed in. Where the browser reported it, passkey sign-ins tell a passkey on this
 * device from one on another device over a QR code (hybrid) and from a security key; the
 * attachment the browser reports is unsigned, so this serves coverage and analytics only. It has no words of its
 * own: pages say a method by its name through the message keys ({@code account.signIns.how.<METHOD>},
 * {@code op.method.<METHOD>}), in the reader's language.
 */
public enum SignInMethod {
    /** A passkey held by this device (platform authenticator). */
    PASSKEY_THIS_DEVICE,
    /** A passkey on a phone or tablet, over a QR code and Bluetooth (hybrid transport). */
    PASSKEY_OTHER_DEVICE,
    /** A roaming security key (USB, NFC, Bluetooth). */
    SECURITY_KEY,
    /** A passkey whose location the browser did not report. */
    PASSKEY,
    EMAIL_CODE,
    PASSWORD,
    RECOVERY_CODE;

    public boolean isPasskey() {
        return this == PASSKEY_THIS_DEVICE || this == PASSKEY_OTHER_DEVICE || this == SECURITY_KEY || this == PASSKEY;
    }
}
