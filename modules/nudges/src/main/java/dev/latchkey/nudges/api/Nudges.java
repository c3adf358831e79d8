package dev.latchkey.nudges.api;

import dev.latchkey.identity.api.SignInMethod;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrollment nudges. Each call decides once, stores the decision with its reason, and records
 * {@link NudgeEvent.Type#SHOWN} when it prompts; the caller shows the prompt it returns.
 * Prompts never block: the caller must always let the user go on to where they were going.
 */
public interface Nudges {

    /**
     * Right after a successful sign-in on this device, with the method it used: scenarios b
     * (hybrid) and a (fallback). The sign-in must already be recorded (identity's {@code SignIns}).
     */
    NudgeDecision afterSignIn(UUID accountId, UUID deviceId, SignInMethod method);

    /**
     * On the account page: scenarios c (the first passkey was just created) and d (no backup).
     * Decides, and stores the decision, only when one of them applies; otherwise the returned
     * decision has no prompt and reason {@code NOTHING_TO_SUGGEST} and nothing is stored.
     */
    NudgeDecision onAccountPage(UUID accountId, UUID deviceId);

    /**
     * A prompt shown to this account on this device in the last {@link #PENDING} that the user has
     * not answered yet: what an interstitial page may render.
     */
    Optional<NudgeDecision> pending(UUID accountId, UUID deviceId, UUID decisionId);

    /** How long a shown prompt can still be answered. */
    java.time.Duration PENDING = java.time.Duration.ofMinutes(30);

    /**
     * Records what the user did with a {@link #pending} prompt.
     *
     * @return the decision, or empty when there is no such pending prompt (nothing is recorded then)
     */
    /**
     * Hands every recorded funnel step ({@code ndg_event}) to {@code each}, oldest first, in one
     * read-only pass: for insights rebuilding its rollups. Nothing is changed or fired.
     */
    void replay(java.util.function.Consumer<NudgeEvent> each);

    Optional<NudgeDecision> respond(UUID accountId, UUID deviceId, UUID decisionId, NudgeResponse response);
}
