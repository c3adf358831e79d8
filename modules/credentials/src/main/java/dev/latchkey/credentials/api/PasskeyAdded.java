package dev.latchkey.credentials.api;

import java.util.UUID;

/**
 * A passkey was stored for an account and the device it was created on is known (identity's
 * device record). Fired as a CDI event inside the transaction that records the device; observe
 * it with {@code during = TransactionPhase.AFTER_SUCCESS} to react only once it is committed.
 */
public record PasskeyAdded(UUID accountId, UUID passkeyId, UUID deviceId) {
}
