package dev.latchkey.nudges.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A step of a nudge's funnel, as stored (append-only, {@code ndg_event}) and fired as a CDI event
 * after it was recorded, for insights. Observe it with {@code during = TransactionPhase.AFTER_SUCCESS}
 * to react only once it is committed.
 *
 * @param passkeyId for {@link Type#COMPLETED}: the passkey that was created
 */
public record NudgeEvent(Type type, UUID accountId, UUID deviceId, UUID decisionId, Scenario scenario,
                         String variant, Optional<UUID> passkeyId, Instant at) {

    public enum Type {
        /** The prompt was shown. */
        SHOWN,
        /** The user took the primary action. */
        ACCEPTED,
        /** "Don't ask again on this device". */
        DISMISSED,
        /** "Not now" / "Remind me later". */
        SNOOZED,
        /** A passkey was created on the device after the user accepted. */
        COMPLETED,
        /**
         * Scenario e only: the automatic upgrade was offered to the page after a password sign-in
         * (nothing is shown, so there is no SHOWN step).
         */
        OFFERED,
        /** Scenario e only: the browser saved no passkey because the person or the passkey manager said no. */
        DECLINED,
        /** Scenario e only: the automatic upgrade failed for any other reason (the browser or the server refused it). */
        FAILED
    }
}
