package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * Confirming the address an account claimed at sign-up, by a 6-digit code sent to it (valid 10
 * minutes, 5 tries, capped per address like sign-in codes).
 *
 * <p>If another account has already confirmed the address, no code is sent: its owner gets a
 * notice instead ("someone tried to create an account with your address"), and the claimant sees
 * exactly what anyone else sees. When a claim is confirmed, every other account that merely claimed
 * the same address loses it: those accounts are removed and {@link ClaimsDisplaced} is fired in the
 * same transaction, so that other modules remove what belongs to them (their passkeys).
 */
public interface EmailConfirmations {

    /** Sends a code to the account's claimed address (or the notice, see above). */
    void send(UUID accountId);

    Outcome confirm(UUID accountId, String code);

    /** How long after sign-up the person may cancel it while the address is still unconfirmed. */
    java.time.Duration CANCEL_WINDOW = java.time.Duration.ofHours(24);

    /**
     * "Cancel this sign-up": removes an account whose address is still unconfirmed, within {@link #CANCEL_WINDOW}
     * of its creation, with everything it owns ({@link ClaimsDisplaced} is fired, as when another account confirms
     * the address, so that credentials removes its passkeys). Someone who signed up with an address that is
     * already someone else's receives no code; this is how they undo the attempt without learning whose it is.
     */
    Cancellation cancelSignUp(UUID accountId);

    enum Cancellation {
        CANCELLED,
        /** The address is confirmed: the account is a real one, removed (if ever) another way. */
        ALREADY_CONFIRMED,
        /** Past {@link #CANCEL_WINDOW}. */
        TOO_LATE,
        NOT_FOUND
    }

    enum Outcome {
        CONFIRMED,
        /** Wrong code; tries remain. */
        WRONG,
        /** Expired, used up or never sent: send a new one. */
        NEEDS_NEW_CODE,
        ALREADY_CONFIRMED
    }

    /**
     * Fired inside the confirming transaction: these unconfirmed accounts claimed an address that
     * another account has just confirmed (or their sign-up was cancelled), and are being removed.
     */
    record ClaimsDisplaced(EmailAddress address, java.util.List<UUID> accountIds) {
    }
}
