package dev.latchkey.identity.api;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Step-up re-authentication in front of sensitive actions (adding or removing a passkey, removing
 * a device or the password, changing the email, making recovery codes, issuing a handoff link).
 *
 * <p>A session qualifies when it proved who is there within {@link #WINDOW}, at its sign-in or by a
 * later step-up, with a method strong enough for the account. Methods are ranked: where the account
 * has a passkey only a passkey or a recovery code qualifies, so an email code (or a password) alone
 * can never take over an account that has one (OWASP ASVS V2.x, FIDO guidance on account recovery).
 *
 * <p>A qualifying session gets a {@link StepUpProof}, which the sensitive operations demand as a
 * parameter and {@link #confirm} again inside their transactions.
 */
public interface StepUp {

    Duration WINDOW = Duration.ofMinutes(5);

    /** Whether the session qualifies now: for pages that say "first confirm it's you". */
    boolean satisfied(UUID sessionId);

    /** A proof for the session, when it qualifies now. */
    Optional<StepUpProof> proof(UUID sessionId);

    /**
     * Checks, in the caller's transaction, that the proof still holds: its session exists, is the
     * account's, and qualifies now.
     *
     * @return the account the proof is for
     * @throws StepUpProof.Expired when it no longer holds
     */
    UUID confirm(StepUpProof proof);

    /**
     * Records a successful re-authentication of the session: called by the module that verified it
     * (credentials, after a passkey assertion with user verification), never on a caller's word.
     * The step-up is logged ({@link #recent}) in the same transaction.
     */
    default void record(UUID sessionId, SignInMethod method) {
        record(sessionId, method, Optional.empty());
    }

    /** As {@link #record(UUID, SignInMethod)}, with the flags of the passkey assertion that verified it. */
    void record(UUID sessionId, SignInMethod method, Optional<AuthenticatorFlags> flags);

    /** The account's most recent successful step-ups, newest first, at most {@code limit} (1 to 200). */
    java.util.List<StepUpEvent> recent(UUID accountId, int limit);

    /** Which methods may step up this account's sessions: passkeys only, when it has one. */
    boolean passkeyRequired(UUID accountId);
}
