package dev.latchkey.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Completing sign-ins, and the sign-in log. Recording an attempt stores it (append-only) and then
 * fires it as a CDI {@link SignInEvent}, so other modules learn of sign-ins through this API only.
 *
 * <p>{@link #complete} is the one way a sign-in ends, whatever the method (passkey, email code,
 * password, recovery code): the rules every sign-in obeys live there, once.
 */
public interface SignIns {

    /**
     * What every successful sign-in does, in the caller's transaction (or one of its own): the
     * device is seen (created the first time, refreshed afterwards), the sign-in is logged, a
     * passkey sign-in lifts every pause on the account's fallback methods (it proves possession:
     * a flood of wrong codes cannot lock the owner out), the browser's previous session ends and a
     * new one starts (a fresh token: no session fixation, OWASP ASVS V3.2.1).
     */
    default SignedIn complete(UUID accountId, SignInMethod method, SignInContext context) {
        return complete(accountId, method, java.util.Optional.empty(), context);
    }

    /**
     * As {@link #complete(UUID, SignInMethod, SignInContext)}; a passkey sign-in hands over the flags of its
     * verified assertion, which the new session keeps ({@link Sessions.Authentication#flags()}).
     */
    SignedIn complete(UUID accountId, SignInMethod method, java.util.Optional<AuthenticatorFlags> flags,
                      SignInContext context);

    /**
     * As {@link #complete}, right after sign-up: no sign-in is logged and nothing is lifted; the new
     * session counts as a passkey sign-in for step-up (the passkey was created and verified this minute).
     */
    default SignedIn completeSignUp(UUID accountId, SignInContext context) {
        return completeSignUp(accountId, java.util.Optional.empty(), context);
    }

    /** As {@link #completeSignUp(UUID, SignInContext)}, with the flags of the new passkey's attestation. */
    SignedIn completeSignUp(UUID accountId, java.util.Optional<AuthenticatorFlags> flags, SignInContext context);

    /** A failed attempt; with the account when it is known (the abuse limits count these per account). */
    SignInEvent recordFailure(Optional<UUID> accountId, ClientDescription client, SignInMethod method, String reason);

    /**
     * Hands every recorded attempt to {@code each}, oldest first, in one read-only pass: for a read
     * side (insights) rebuilding what it derived from the events. Nothing is changed or fired.
     */
    void replay(java.util.function.Consumer<SignInEvent> each);

    /** The account's most recent sign-in attempts, newest first. */
    List<SignInEvent> recent(UUID accountId, int limit);
}
