package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Signed-in sessions, kept as database rows so that any instance behind a load balancer can
 * restore them and a deleted row signs the browser out everywhere at once.
 *
 * <p>Storage contract: only a SHA-256 hash of a session token is stored; the token itself exists
 * only in the browser's cookie. Expiry is judged by the database clock, never a JVM's.
 */
public interface Sessions {

    /**
     * Starts a new session for the account. Every sign-in gets a fresh token (no session fixation).
     *
     * @param deviceId the device record of the browser, when known
     * @param method   how the person proved who they are; counts for step-up ({@link StepUp})
     * @return the opaque token to hand to the browser
     */
    default SessionToken start(UUID accountId, Optional<UUID> deviceId, SignInMethod method) {
        return start(accountId, deviceId, method, false, Optional.empty());
    }

    /**
     * As {@link #start(UUID, Optional, SignInMethod)}. On a shared device ({@link Device#shared()}) the
     * session gets the shorter idle timeout and lifetime of {@link SessionPolicy}. A passkey sign-in
     * brings the flags of its verified assertion, which the OpenID Connect provider turns into {@code amr} values.
     */
    SessionToken start(UUID accountId, Optional<UUID> deviceId, SignInMethod method, boolean sharedDevice,
                       Optional<AuthenticatorFlags> flags);

    /**
     * The signed-in account behind a token, if the token names a live session: younger than the
     * absolute lifetime and used within the idle timeout. Counts as use of the session.
     */
    Optional<SignedInSession> resolve(String token);

    /**
     * How and when a live session last proved who is there: its sign-in, or a later step-up. The
     * OpenID Connect provider reads it for {@code auth_time}, {@code amr} and {@code acr}. Empty when
     * the session has ended or expired.
     */
    Optional<Authentication> authentication(UUID sessionId);

    /** Ends every other session of the token's account; returns how many ended. */
    int endOthers(String token);

    /** Ends the session; unknown or malformed tokens are ignored. */
    void end(String token);

    /** An opaque session token as given to the browser. */
    record SessionToken(String value) {
        @Override
        public String toString() {
            return "SessionToken[redacted]";
        }
    }

    /**
     * How a session was last authenticated, by the database clock; for a passkey, what its assertion's
     * flags said (empty for other methods and for sessions from before the flags were kept).
     */
    record Authentication(UUID sessionId, UUID accountId, SignInMethod method, java.time.Instant authenticatedAt,
                          Optional<AuthenticatorFlags> flags) {

        public Authentication(UUID sessionId, UUID accountId, SignInMethod method, java.time.Instant authenticatedAt) {
            this(sessionId, accountId, method, authenticatedAt, Optional.empty());
        }
    }

    /** A live session. */
    record SignedInSession(UUID sessionId, UUID accountId, Optional<UUID> deviceId) {
    }
}
