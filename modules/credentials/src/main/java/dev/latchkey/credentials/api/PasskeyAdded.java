package dev.latchkey.credentials.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A passkey was stored for an account: fired for every one, by the ceremony that stored it, inside
 * its transaction; observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to react only
 * once it is committed.
 *
 * @param deviceId identity's device record the passkey was created on, when it is one of the
 *                 account's devices (a passkey made on a phone over the QR code, or on a second
 *                 device that never signed in, has none)
 */
public record PasskeyAdded(UUID accountId, UUID passkeyId, Optional<UUID> deviceId) {
}
