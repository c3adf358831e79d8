package dev.latchkey.nudges.api;

/** Why a prompt is shown: one scenario at a time, in this order of precedence after a sign-in. */
public enum Scenario {

    /** b. Signed in with a passkey from another device (hybrid, QR code): create one here ("healing"). */
    HYBRID_SIGN_IN,

    /** a. Signed in with a fallback (email code, password, recovery code) on a device that can hold a passkey. */
    FALLBACK_SIGN_IN,

    /** d. Every passkey is single-device, or one lost its backup: suggest a synced passkey or a second key. */
    NO_BACKUP,

    /** c. The first passkey was just created: name the other devices and how to cover them. */
    FIRST_PASSKEY,

    /**
     * e. Password sign-in on a browser that supports conditional create: the passkey is created in
     * the background (automatic passkey upgrade), without any prompt; a failure is silent.
     */
    AUTOMATIC_UPGRADE
}
