package dev.latchkey.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ways into an account other than its passkeys, as use cases: sign-in by email code, by
 * password and by recovery code. Each is one call that honours this deployment's switch
 * ({@link Offered}), applies the abuse limits ({@link AbuseLimits}) before any secret is compared,
 * logs the attempt, and on success completes the sign-in ({@link SignIns#complete}). The web layer
 * parses the form, makes the call and shows the {@link Result}.
 *
 * <p>Also: which of them work for an account ({@link #usable}). Each needs a confirmed address, so
 * an account whose address is unconfirmed has none. The credentials module asks before it removes a
 * passkey: the last way in is never removed.
 */
public interface FallbackSignIns {

    /** Empty when the account's passkeys are its only way in. */
    List<SignInMethod> usable(UUID accountId);

    /** Which fallbacks this deployment offers: the sign-in page hides the forms of the others. */
    Offered offered();

    /**
     * Sends a sign-in code to the address (the same answer for an unknown one: {@link EmailCodes#start}).
     *
     * @throws NotOffered              when this deployment does not offer sign-in by email code
     * @throws EmailCodes.TooManyRequests when a cap is reached
     */
    EmailCodes.AttemptToken requestEmailCode(EmailAddress email, String clientAddress);

    /**
     * Signs in with the code sent for the browser's attempt. Every try counts, except one refused by
     * the abuse limits, which compares nothing.
     *
     * @throws NotOffered when this deployment does not offer sign-in by email code
     */
    Result withEmailCode(Optional<EmailCodes.AttemptToken> attempt, String code, SignInContext context);

    /**
     * Signs in with address and password. An unknown address, an account without a password and a
     * wrong password get the same {@link Result} and take the same time. The hash is computed
     * outside any transaction (it may wait for a slot); the limits' check, and the outcome's
     * records, are short transactions around it.
     *
     * @throws NotOffered     when this deployment does not offer passwords
     * @throws Passwords.Busy when no hashing slot became free in time (nothing was checked)
     */
    Result withPassword(EmailAddress email, String password, SignInContext context);

    /**
     * Signs in with a recovery code: lifts every fallback limit on the address and notifies the
     * owner ({@link RecoveryCodes}). Unknown addresses, accounts without codes and wrong codes are
     * indistinguishable. Always offered: it is the lost-phone path.
     */
    Result withRecoveryCode(EmailAddress email, String code, SignInContext context);

    /**
     * What a fallback sign-in came to.
     *
     * @param signedIn  present only for {@link Outcome#SIGNED_IN}
     * @param refusal   present only for {@link Outcome#THROTTLED}
     * @param triesLeft for an email code: tries left on this code
     */
    record Result(Outcome outcome, Optional<SignedIn> signedIn, Optional<AbuseLimits.Refusal> refusal, int triesLeft) {
    }

    enum Outcome {
        SIGNED_IN,
        /** Wrong secret, or an address with no account (indistinguishable on purpose). */
        WRONG,
        /** Too many failures for the address or the client: wait, or sign in another way. */
        THROTTLED,
        /** The email code expired, was used up or already used, or there is no attempt: ask for a new code. */
        NEEDS_NEW_CODE
    }

    /**
     * Deployment setting (LATCHKEY_FALLBACK_EMAIL_CODE, LATCHKEY_FALLBACK_PASSWORD): which
     * fallbacks are offered at all. Produced by the web module from configuration, enforced here.
     */
    record Offered(boolean emailCode, boolean password) {

        public static final Offered ALL = new Offered(true, true);
    }

    /** The fallback is switched off on this deployment: as if it did not exist (HTTP 404). */
    final class NotOffered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotOffered() {
            super("We could not find that page.");
        }
    }
}
