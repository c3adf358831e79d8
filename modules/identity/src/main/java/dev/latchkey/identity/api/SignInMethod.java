package dev.latchkey.identity.api;

/**
 * How someone signed in. Where the browser reported it, passkey sign-ins tell a passkey on this
 * device from one on another device over a QR code (hybrid) and from a security key; the
 * attachment the browser reports is unsigned, so this serves coverage and analytics only.
 */
public enum SignInMethod {
    /** A passkey held by this device (platform authenticator). */
    PASSKEY_THIS_DEVICE("passkey on this device"),
    /** A passkey on a phone or tablet, over a QR code and Bluetooth (hybrid transport). */
    PASSKEY_OTHER_DEVICE("passkey from another device"),
    /** A roaming security key (USB, NFC, Bluetooth). */
    SECURITY_KEY("security key"),
    /** A passkey whose location the browser did not report. */
    PASSKEY("passkey"),
    EMAIL_CODE("email code"),
    PASSWORD("password"),
    RECOVERY_CODE("recovery code");

    private final String words;

    SignInMethod(String words) {
        this.words = words;
    }

    /** Plain words for pages and logs: "passkey on this device". */
    public String words() {
        return words;
    }

    public boolean isPasskey() {
        return this == PASSKEY_THIS_DEVICE || this == PASSKEY_OTHER_DEVICE || this == SECURITY_KEY || this == PASSKEY;
    }
}
