package dev.latchkey.credentials.api;

import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.SignInMethod;
import java.util.Optional;
import java.util.UUID;

/**
 * The WebAuthn ceremonies.
 *
 * <p>Each {@code start} stores a fresh random challenge for five minutes (database clock) bound to
 * the browser; each {@code finish} consumes it first, whatever happens next, so a challenge can be
 * used at most once and a failed attempt cannot be retried with it.
 */
public interface PasskeyCeremonies {

    /**
     * Options to create the first passkey of a new account. Nothing but the challenge is stored;
     * the account is created only when {@link #finishSignUp} succeeds.
     */
    CreationOptions startSignUp(NewAccount account, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies the browser's {@code PublicKeyCredential.toJSON()} and, in one transaction, creates
     * the account and stores its passkey.
     *
     * @param invitation the invitation link's token the sign-up presented, spent in the same
     *                   transaction (identity's {@code SignUpGate.admit})
     * @return the new account's id
     * @throws CeremonyRejected when anything is wrong; nothing is stored then
     * @throws dev.latchkey.identity.api.Invitations.Unusable when the invitation is no longer
     *         usable; nothing is stored then
     */
    UUID finishSignUp(String responseJson, CeremonyBinding binding, java.util.Optional<String> invitation);

    /** Options for a username-less sign-in with a discoverable credential. */
    RequestOptions startSignIn(Mediation mediation, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies an assertion and records the passkey's use.
     *
     * @throws CeremonyRejected when anything is wrong; nothing is stored then
     */
    SignInResult finishSignIn(String responseJson, CeremonyBinding binding);

    /**
     * Options to add a passkey to a signed-in account, excluding the authenticators that already
     * hold one of its passkeys. The caller checks step-up first.
     *
     * @throws CeremonyRejected with {@code TOO_MANY_PASSKEYS} at the per-account cap
     */
    default CreationOptions startAddPasskey(UUID accountId, CeremonyBinding binding, String clientAddress) {
        return startAddPasskey(accountId, binding, clientAddress, Optional.empty());
    }

    /**
     * As {@link #startAddPasskey(UUID, CeremonyBinding, String)}, for the place the user chose: the
     * options carry that L3 hint and the matching {@code authenticatorAttachment}.
     *
     * @throws CeremonyRejected with {@code ATTACHMENT_NOT_ALLOWED} when the registration policy
     *                          refuses passkeys of that kind
     */
    CreationOptions startAddPasskey(UUID accountId, CeremonyBinding binding, String clientAddress, Optional<Hint> where);

    /** Verifies and stores the new passkey of the account; returns its id. */
    UUID finishAddPasskey(UUID accountId, String responseJson, CeremonyBinding binding);

    /** Options to re-authenticate a signed-in account with one of its passkeys (user verification required). */
    RequestOptions startStepUp(UUID accountId, CeremonyBinding binding, String clientAddress);

    /** Verifies a step-up assertion; the passkey must be the account's. */
    SignInResult finishStepUp(UUID accountId, String responseJson, CeremonyBinding binding);

    /**
     * A verified sign-in.
     *
     * @param mediation how the challenge that was answered had been requested
     * @param method    where the passkey was, from the browser's (unsigned) attachment and the
     *                  passkey's transports: for coverage and analytics, never for a security decision
     */
    record SignInResult(UUID accountId, UUID passkeyId, Mediation mediation, SignInMethod method) {
    }
}
