package dev.latchkey.credentials.api;

/**
 * How the browser asks the user, recorded with the challenge when options are issued
 * (the client's later word for it is never trusted).
 */
public enum Mediation {
    /** A modal prompt after the user pressed a button. */
    MODAL,
    /** Passkey autofill in a username field ({@code mediation: "conditional"}). */
    CONDITIONAL
}
