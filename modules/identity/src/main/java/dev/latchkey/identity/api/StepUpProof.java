package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof that a session re-authenticated recently, with a method strong enough for its account
 * ({@link StepUp}). Every sensitive operation on the modules' apis takes one: removing a passkey,
 * the password or a device, changing the address, making recovery codes, adding a passkey, issuing
 * a handoff link. So a caller that skipped the step-up does not compile.
 *
 * <p>Only identity makes them ({@link StepUp#proof}): the constructor is private and its one
 * maker is handed to identity's internal package, which no other module can read (JPMS). A proof
 * is a value for the request at hand, not a ticket: the operation that receives it asks identity
 * again ({@link StepUp#confirm}) inside its own transaction whether the session still exists,
 * still belongs to the account, and re-authenticated within {@link StepUp#WINDOW}
 * (OWASP ASVS 4.0 V3.7.1, re-authentication before sensitive transactions).
 */
public final class StepUpProof {

    static {
        dev.latchkey.identity.internal.ProofMint.install(StepUpProof::new);
    }

    private final UUID sessionId;
    private final UUID accountId;
    private final SignInMethod method;
    private final Instant provenAt;

    private StepUpProof(UUID sessionId, UUID accountId, SignInMethod method, Instant provenAt) {
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.method = method;
        this.provenAt = provenAt;
    }

    /** The session that stepped up. */
    public UUID sessionId() {
        return sessionId;
    }

    /** The account whose session it is: the one a sensitive operation may change. */
    public UUID accountId() {
        return accountId;
    }

    /** How the session last proved who is there. */
    public SignInMethod method() {
        return method;
    }

    /** When, by the database clock. */
    public Instant provenAt() {
        return provenAt;
    }

    @Override
    public String toString() {
        return "StepUpProof[session " + sessionId + ", " + method + " at " + provenAt + "]";
    }

    /**
     * The proof no longer holds (the session ended, or its re-authentication is older than the
     * window): nothing was changed; ask the person to confirm it is them again.
     */
    public static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Expired() {
            super("For your security, confirm it is you first.");
        }
    }
}
