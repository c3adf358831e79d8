package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery codes: {@link #COUNT} single-use codes of 60 random bits each, shown once when they
 * are made and stored only as hashes. Making new ones replaces the old ones and is a sensitive
 * action (a {@link StepUpProof}). Signing in with one is {@link FallbackSignIns#withRecoveryCode}. Signing in with one lifts every fallback limit on the
 * address, notifies the account by email, and counts as a strong re-authentication, so that the
 * person can create a new passkey straight away (the lost-phone path).
 */
public interface RecoveryCodes {

    int COUNT = 10;

    /**
     * Replaces the codes of the proof's account with new ones and returns them, formatted for people
     * (XXXX-XXXX-XXXX).
     *
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing changed)
     */
    List<String> regenerate(StepUpProof proof);

    Status status(UUID accountId);

    record Status(int remaining, Optional<Instant> createdAt) {
    }
}
