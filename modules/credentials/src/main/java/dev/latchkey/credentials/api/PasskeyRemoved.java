package dev.latchkey.credentials.api;

import java.util.UUID;

/**
 * A passkey is gone from an account. Fired as a CDI event inside the transaction that removed it;
 * observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to react only once it is committed.
 *
 * @param reason why, in a few machine-readable words ({@code DEVICE_LOST}, {@code CLAIM_DISPLACED}, ...)
 */
public record PasskeyRemoved(UUID accountId, UUID passkeyId, String reason) {
}
