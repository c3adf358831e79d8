package dev.latchkey.credentials.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A passkey is gone from an account. Fired as a CDI event inside the transaction that removed it;
 * observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to react only once it is committed.
 *
 * @param reason      why, in a few machine-readable words ({@code REMOVED_BY_USER}, {@code DEVICE_LOST},
 *                    {@code CLAIM_DISPLACED}, ...)
 * @param passkeyName its name as the owner's mail says it (the row is gone once this is observed): the owner's own,
 *                    or the automatic one by kind, which identity words in the account's language
 * @param deviceId    identity's device record of the browser that removed it, when known
 */
public record PasskeyRemoved(UUID accountId, UUID passkeyId, String reason,
                             dev.latchkey.identity.api.SecurityNotices.PasskeyName passkeyName,
                             Optional<UUID> deviceId) {

    public PasskeyRemoved(UUID accountId, UUID passkeyId, String reason) {
        this(accountId, passkeyId, reason, new dev.latchkey.identity.api.SecurityNotices.PasskeyName(
                dev.latchkey.identity.api.SecurityNotices.PasskeyName.Kind.UNNAMED, ""), Optional.empty());
    }
}
