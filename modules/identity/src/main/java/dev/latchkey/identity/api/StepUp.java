package dev.latchkey.identity.api;

import java.time.Duration;
import java.util.UUID;

/**
 * Step-up re-authentication in front of sensitive actions (adding or removing a passkey,
 * changing the email, removing the password, regenerating recovery codes).
 *
 * <p>A session qualifies when it proved who is there within {@link #WINDOW}, at its sign-in or by a
 * later step-up, with a method strong enough for the account. Methods are ranked: where the account
 * has a passkey only a passkey or a recovery code qualifies, so an email code (or a password) alone
 * can never take over an account that has one (OWASP ASVS V2.x, FIDO guidance on account recovery).
 */
public interface StepUp {

    Duration WINDOW = Duration.ofMinutes(5);

    boolean satisfied(UUID sessionId);

    /** Records a successful re-authentication of the session. */
    void record(UUID sessionId, SignInMethod method);

    /** Which methods may step up this account's sessions: passkeys only, when it has one. */
    boolean passkeyRequired(UUID accountId);
}
