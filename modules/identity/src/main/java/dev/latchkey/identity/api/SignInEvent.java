package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One sign-in attempt, as stored (append-only) and as published to other modules as a CDI event
 * after it was recorded.
 *
 * @param accountId  empty when the attempt named no known account
 * @param deviceId   the device record, when the account is known
 * @param deviceLabel the browser's label at the time ("Chrome on Linux")
 * @param reason     for failures, a short machine-readable reason ("VERIFICATION_FAILED")
 */
public record SignInEvent(
        Optional<UUID> accountId,
        Optional<UUID> deviceId,
        String deviceLabel,
        SignInMethod method,
        boolean succeeded,
        Optional<String> reason,
        Instant at) {
}
