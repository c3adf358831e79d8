package dev.latchkey.nudges.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of a link handoff, as appended to {@code ndg_handoff_event} and fired as a CDI event in
 * the same transaction, for insights. Observe it with {@code during = TransactionPhase.AFTER_SUCCESS}.
 * A refusal's row is kept (the handoff's transaction does not roll back on a {@link Handoffs.Refused}),
 * so refusals are fired too.
 *
 * @param handoffId empty for a token that matched no link
 * @param accountId empty for a token that matched no link
 * @param type      {@code ISSUED}, {@code CLAIMED}, {@code PASSKEY_PENDING}, {@code PAIRED}, {@code FAILED},
 *                  {@code EXPIRED}, {@code CODE_WRONG}, or a refusal ({@code REFUSED_...},
 *                  {@code CEREMONY_REFUSED}, {@code CONFIRM_REFUSED})
 */
public record HandoffStep(Optional<UUID> handoffId, Optional<UUID> accountId, String type, Instant at) {

    /** Whether this step is a refusal of some kind (the link unknown, used, expired, in use, over a limit, ...). */
    public boolean refusal() {
        return type.startsWith("REFUSED_") || type.endsWith("_REFUSED");
    }
}
