package dev.latchkey.credentials.api;

import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignedIn;
import dev.latchkey.identity.api.StepUpProof;
import java.util.Optional;
import java.util.UUID;

/**
 * The WebAuthn ceremonies.
 *
 * <p>Each {@code start} stores a fresh random challenge for five minutes (database clock) bound to
 * the browser; each {@code finish} consumes it first, whatever happens next, so a challenge can be
 * used at most once and a failed attempt cannot be retried with it.
 *
 * <p>Each {@code finish} is a whole use case: besides verifying, it writes everything that follows
 * from the ceremony (the passkey's use, the device it was made or used on, {@link PasskeyAdded},
 * identity's sign-in or step-up) in one transaction, so no caller can forget a step.
 */
public interface PasskeyCeremonies {

    /**
     * Options to create the first passkey of a new account. Nothing but the challenge is stored;
     * the account is created only when {@link #finishSignUp} succeeds.
     */
    CreationOptions startSignUp(NewAccount account, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies the browser's {@code PublicKeyCredential.toJSON()} and, in one transaction, creates
     * the account, stores its passkey as created on this browser's device, and signs the browser in
     * (identity's {@code SignIns.completeSignUp}).
     *
     * @param invitation the invitation link's token the sign-up presented, spent in the same
     *                   transaction (identity's {@code SignUpGate.admit})
     * @return the new account's sign-in (its session token for the cookie)
     * @throws CeremonyRejected when anything is wrong; nothing is stored then
     * @throws dev.latchkey.identity.api.Invitations.Unusable when the invitation is no longer
     *         usable; nothing is stored then
     */
    SignedIn finishSignUp(String responseJson, CeremonyBinding binding, Optional<String> invitation,
                          SignInContext context);

    /** Options for a username-less sign-in with a discoverable credential. */
    RequestOptions startSignIn(Mediation mediation, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies an assertion (§7.2) and, in one transaction, records the passkey's use (sign count,
     * backup state, the device it was used on) and completes the sign-in in identity
     * ({@code SignIns.complete}: device seen, sign-in logged, fallback pause lifted, new session).
     *
     * @throws CeremonyRejected when anything is wrong; then only the spent challenge, the rejection
     *                          and the failed attempt in identity's sign-in log are stored
     */
    PasskeySignIn finishSignIn(String responseJson, CeremonyBinding binding, SignInContext context);

    /**
     * A completed passkey sign-in.
     *
     * @param mediation how the challenge that was answered had been requested
     */
    record PasskeySignIn(SignedIn signedIn, UUID passkeyId, Mediation mediation) {
    }

    /**
     * Options to add a passkey to the proof's account, excluding the authenticators that already
     * hold one of its passkeys, for the place the user chose (empty: anywhere): the options carry
     * that L3 hint and the matching {@code authenticatorAttachment}.
     *
     * @throws CeremonyRejected with {@code TOO_MANY_PASSKEYS} at the per-account cap, with
     *                          {@code ATTACHMENT_NOT_ALLOWED} when the registration policy refuses
     *                          passkeys of that kind
     * @throws StepUpProof.Expired when the step-up no longer holds
     */
    CreationOptions startAddPasskey(StepUpProof proof, CeremonyBinding binding, String clientAddress, Optional<Hint> where);

    /**
     * Verifies and stores the new passkey of the proof's account, notes the device it was made on
     * (unless the browser reported it made on another device over hybrid, "Add a passkey on your
     * phone": then it lives on that phone) and fires {@link PasskeyAdded}, all in one transaction:
     * every added passkey is announced to its owner.
     *
     * @param device identity's device record of the browser that asked
     * @return the new passkey's id
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing stored)
     */
    UUID finishAddPasskey(StepUpProof proof, Optional<UUID> device, String responseJson, CeremonyBinding binding);

    /** Options to re-authenticate a signed-in account with one of its passkeys (user verification required). */
    RequestOptions startStepUp(UUID accountId, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies a step-up assertion (the passkey must be the session's account's) and, in one
     * transaction, records the re-authentication of the session in identity and the passkey's use
     * on the session's device.
     */
    SignInResult finishStepUp(Sessions.SignedInSession session, String responseJson, CeremonyBinding binding);

    /**
     * A verified sign-in.
     *
     * @param mediation how the challenge that was answered had been requested
     * @param method    where the passkey was, from the browser's (unsigned) attachment and the
     *                  passkey's transports: for coverage and analytics, never for a security decision
     * @param flags     the assertion's signed UV and BE flags (WebAuthn L3 §6.1)
     */
    record SignInResult(UUID accountId, UUID passkeyId, Mediation mediation, SignInMethod method,
                        dev.latchkey.identity.api.AuthenticatorFlags flags) {

        public SignInResult(UUID accountId, UUID passkeyId, Mediation mediation, SignInMethod method) {
            this(accountId, passkeyId, mediation, method, new dev.latchkey.identity.api.AuthenticatorFlags(false, false));
        }
    }
}
