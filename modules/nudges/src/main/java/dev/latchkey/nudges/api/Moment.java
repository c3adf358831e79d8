package dev.latchkey.nudges.api;

/** When a decision is taken. */
public enum Moment {
    /** Right after a sign-in, before the destination (an interstitial). */
    AFTER_SIGN_IN,
    /** On the account security page (a card, never an interruption). */
    ACCOUNT_PAGE
}
