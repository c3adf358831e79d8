package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.Mediation;
import java.util.Optional;
import java.util.UUID;

/**
 * A consumed challenge row: what the ceremony was for when the server issued it.
 *
 * @param pendingAccount for a sign-up, the account to create once the passkey exists
 */
record PendingCeremony(
        byte[] challenge,
        Purpose purpose,
        Optional<UUID> accountId,
        Mediation mediation,
        byte[] bindingHash,
        Optional<PendingAccount> pendingAccount) {

    enum Purpose {
        SIGN_UP, SIGN_IN, ADD_PASSKEY, STEP_UP,
        /** A passkey made on a second device that opened a handoff link: stored pending until paired. */
        HANDOFF
    }

    record PendingAccount(byte[] userHandle, String email, String displayName) {
    }
}
