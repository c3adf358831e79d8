package dev.latchkey.federation.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A grant, a refusal or a logout of the OpenID Connect provider, as stored (append-only) in
 * {@code fed_event} and then fired as a CDI event, so that other modules (insights) can count them.
 *
 * @param reason for a refusal, the OAuth 2.0 error code or a short reason ({@code code_reused})
 */
public record FederationEvent(Type type, Optional<String> clientId, Optional<UUID> accountId, Optional<String> reason,
                              Instant occurredAt) {

    public enum Type {
        /** An authorization code was issued to a client. */
        CODE_GRANTED,
        /** A code was exchanged for tokens. */
        TOKENS_ISSUED,
        /** An authorization or token request was refused. */
        REFUSED,
        /** A code was presented a second time: the tokens issued from it were revoked. */
        CODE_REUSED,
        /** A refresh token was exchanged for new tokens (and replaced). */
        TOKENS_REFRESHED,
        /** A used refresh token was presented again: its family and access tokens were revoked. */
        REFRESH_TOKEN_REUSED,
        /** Refresh tokens ended with the sign-in they came from (sign-out, password or passkey removal). */
        TOKENS_REVOKED,
        /** A client signed the person out (RP-initiated logout). */
        LOGGED_OUT
    }
}
