package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Changing an account's confirmed address. {@link #request} needs a ranked step-up
 * ({@link StepUpProof}). A 6-digit code goes to the new address (valid {@link EmailCodes#VALID_MINUTES}
 * minutes, {@link EmailCodes#MAX_TRIES} tries, capped per address like every code); the account
 * keeps its old address until the code is entered. Then the old address gets a notice saying what
 * to do if it was not its owner.
 *
 * <p>An address that another account has confirmed gets the same answer as a free one (no
 * enumeration): no usable code is sent, and that account's owner gets a notice instead.
 */
public interface EmailChanges {

    /**
     * @throws EmailCodes.TooManyRequests when the new address had too many codes this hour
     * @throws IllegalArgumentException   when the account has no confirmed address to change
     * @throws StepUpProof.Expired        when the step-up no longer holds (nothing sent)
     */
    void request(StepUpProof proof, EmailAddress newAddress);

    /** The address a change is waiting to be confirmed for, while its code is still usable. */
    Optional<EmailAddress> pending(UUID accountId);

    Outcome confirm(UUID accountId, String code);

    enum Outcome {
        CHANGED,
        /** Wrong code; tries remain. */
        WRONG,
        /** Expired, used up, never sent, or the address is no longer free: ask again. */
        NEEDS_NEW_CODE
    }

    /** Fired (inside the changing transaction) once an account's address has changed. */
    record EmailChanged(UUID accountId, EmailAddress previous, EmailAddress current) {
    }
}
