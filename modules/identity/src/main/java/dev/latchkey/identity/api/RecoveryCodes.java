package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery codes: {@link #COUNT} single-use codes of 60 random bits each, shown once when they
 * are made and stored only as hashes. Making new ones replaces the old ones and is a sensitive
 * action (the caller checks step-up). Signing in with one lifts every fallback limit on the
 * address, notifies the account by email, and counts as a strong re-authentication, so that the
 * person can create a new passkey straight away (the lost-phone path).
 */
public interface RecoveryCodes {

    int COUNT = 10;

    /** Replaces the account's codes with new ones and returns them, formatted for people (XXXX-XXXX-XXXX). */
    List<String> regenerate(UUID accountId);

    Status status(UUID accountId);

    /**
     * Signs in with a code for the account whose confirmed address this is. Unknown addresses,
     * accounts without codes and wrong codes are indistinguishable.
     */
    Redemption redeem(EmailAddress email, String code, String clientAddress);

    record Status(int remaining, Optional<Instant> createdAt) {
    }

    /** {@code accountId} is present only when accepted; {@code refusal} only when refused by the limits. */
    record Redemption(boolean accepted, Optional<UUID> accountId, int remaining, Optional<AbuseLimits.Refusal> refusal) {
    }
}
