package dev.latchkey.identity.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up by invitation ({@link SignUpPolicy.Mode#INVITATION}). An operator invites an address;
 * Latchkey mails it a link with a random token. Only the token's SHA-256 is stored; an invitation
 * admits one sign-up, with exactly that address, within {@link #VALID_FOR}, unless revoked.
 *
 * <p>Every unusable token (unknown, expired, used, revoked) gets the same answer, so a token
 * says nothing about which addresses were invited.
 */
public interface Invitations {

    Duration VALID_FOR = Duration.ofDays(7);

    /**
     * Records and mails an invitation from the proof's account. The link is
     * {@code signUpUrl + "?invitation=" + token}.
     *
     * @throws IllegalStateException when the inviter is not an operator
     * @throws StepUpProof.Expired   when the step-up no longer holds (nothing sent)
     */
    default void issue(StepUpProof operator, EmailAddress email, String signUpUrl) {
        issue(operator, email, signUpUrl, java.util.Locale.ENGLISH);
    }

    /**
     * As above, the mail in {@code language} (the inviting page's: nobody has an account at the
     * address yet); English where identity has no mail in that language.
     */
    void issue(StepUpProof operator, EmailAddress email, String signUpUrl, java.util.Locale language);

    /** Invitations neither used, revoked nor expired, newest first (at most 100). */
    List<Invitation> pending();

    /**
     * Withdraws a pending invitation; false when there was none to withdraw.
     *
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing changed)
     */
    boolean revoke(StepUpProof operator, UUID invitationId);

    /** The address a usable token was issued for. */
    Optional<EmailAddress> usable(String token);

    /**
     * Spends the invitation on the account just created, in the caller's transaction.
     *
     * @throws Unusable when the token is not usable (any more) or was issued for another address
     */
    void redeem(String token, UUID accountId);

    /** Whether the account was created with an invitation (one was spent on it): for a read side's cohorts. */
    boolean redeemedBy(UUID accountId);

    record Invitation(UUID id, EmailAddress email, Instant createdAt, Instant expiresAt) {
    }

    /** The token cannot be used; the sign-up that presented it must not happen. */
    class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unusable() {
            super("This invitation link cannot be used. It may have expired, been used already or been withdrawn."
                    + " Ask the person who invited you for a new one.");
        }
    }
}
