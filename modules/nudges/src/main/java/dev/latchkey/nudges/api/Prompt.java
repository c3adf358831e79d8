package dev.latchkey.nudges.api;

/** What a prompt asks the user to do; the page picks its copy by this and the decision's variant. */
public enum Prompt {

    /** "Create a passkey on this device" (scenarios a and b on a device that is not covered). */
    CREATE_HERE,

    /**
     * A synced passkey should already work here (likely covered): confirm it by choosing "Sign in
     * with a passkey" next time, or create one here if it does not appear.
     */
    CONFIRM_SYNCED,

    /** This device cannot save a passkey: use the passkey on your phone (QR code) or a security key. */
    USE_PHONE_OR_KEY,

    /** Name the other devices the user signs in from and each one's next step (scenario c). */
    COVER_OTHER_DEVICES,

    /** Add a second passkey: on a security key, or in a provider that syncs (scenario d). */
    ADD_BACKUP,

    /**
     * The account's passkeys live only on other computers, which cannot confirm it is you here: add one
     * from there with a link (handoff), or sign in here with a recovery code first (scenario a, without
     * the dead end of a step-up this device cannot complete).
     */
    ADD_FROM_ANOTHER_DEVICE
}
