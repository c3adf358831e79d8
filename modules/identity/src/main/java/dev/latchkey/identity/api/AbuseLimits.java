package dev.latchkey.identity.api;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Limits on guessing secrets through the fallback methods (NIST SP 800-63B-4 §3.2.2 rate
 * limiting; OWASP ASVS V2.2.1), per email address and per client address, held in the database.
 *
 * <ul>
 *   <li>The first {@link #FREE_FAILURES} consecutive failures cost nothing; after that each attempt
 *       must wait a growing delay (1 s, 2 s, 4 s, ... at most {@link #MAX_DELAY}).</li>
 *   <li>After {@link #SUSPEND_AFTER} consecutive failures for one email address, that factor is
 *       suspended for the address until a passkey sign-in or a recovery lifts it.</li>
 *   <li>Client addresses only ever get delays (a bank branch shares one address).</li>
 *   <li>Limits are keyed by the normalised email address whether or not an account uses it, so
 *       they behave the same for unknown addresses and reveal nothing. Passkey sign-in is never
 *       limited here: a flood of wrong codes cannot lock the owner out of their passkey.</li>
 * </ul>
 */
public interface AbuseLimits {

    int FREE_FAILURES = 5;
    int SUSPEND_AFTER = 100;
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /**
     * What is being guessed. {@link #HANDOFF_LINK} names no email address (a link handoff's token,
     * opened with no session): it is limited per client address only, through {@link #checkClient}
     * and {@link #failedClient}.
     */
    enum Factor { EMAIL_CODE, PASSWORD, RECOVERY_CODE, HANDOFF_LINK }

    /** Empty when an attempt may go ahead now; checked before any secret is compared. */
    Optional<Refusal> check(Factor factor, EmailAddress email, String clientAddress);

    void failed(Factor factor, EmailAddress email, String clientAddress);

    /**
     * Empty when a client address may try a secret that belongs to no email address now: the
     * client address's delays only (the same allowance for shared networks as in {@link #check}).
     */
    Optional<Refusal> checkClient(Factor factor, String clientAddress);

    void failedClient(Factor factor, String clientAddress);

    /** A successful attempt ends the run of failures for that address (not the client's). */
    void succeeded(Factor factor, EmailAddress email);

    /** A passkey sign-in or a recovery lifts every fallback limit on the account's address. */
    void lift(UUID accountId);

    /**
     * Why an attempt may not go ahead.
     *
     * @param retryAfter how long to wait; empty while suspended
     */
    record Refusal(boolean suspended, Optional<Duration> retryAfter, String message) {
    }
}
