package dev.latchkey.identity.api;

import java.util.Optional;

/**
 * Whether an address may start a sign-up here, under the deployment's {@link SignUpPolicy}:
 * open, listed domains, or by invitation (a usable invitation for exactly this address; operators'
 * own addresses are admitted without one, so that a fresh deployment can get its first operator).
 */
public interface SignUpGate {

    Optional<Refusal> refusal(EmailAddress email, Optional<String> invitationToken);

    /**
     * Inside the transaction that creates the account: in invitation mode, spends the invitation
     * the sign-up presented (an operator's own address needs none), so that of two sign-ups racing
     * with one link only one gets an account.
     *
     * @throws Invitations.Unusable when the invitation is no longer usable; the caller's
     *                              transaction then rolls back and no account remains
     */
    void admit(java.util.UUID accountId, EmailAddress email, Optional<String> invitationToken);

    /**
     * @param status  the HTTP status the web layer should answer with
     * @param reason  a stable code (NOT_ADMITTED, INVITATION_REQUIRED, INVITATION_UNUSABLE, INVITATION_ADDRESS)
     * @param message a sentence for the person
     */
    record Refusal(int status, String reason, String message) {
    }
}
