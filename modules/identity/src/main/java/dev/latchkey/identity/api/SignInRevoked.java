package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A sign-in no longer vouches for its account: its session was signed out (by itself, or by "sign out my
 * other sessions" in another browser), or the account's password
 * was changed or removed. Fired as a CDI event inside the transaction that did it, so that what other
 * modules handed out on the strength of that sign-in (federation's refresh tokens) ends in the same
 * commit.
 *
 * @param sessionId the session that ended; empty when every sign-in of the account is concerned
 * @param reason    {@code SIGNED_OUT}, {@code SIGNED_OUT_ELSEWHERE}, {@code PASSWORD_CHANGED} or {@code PASSWORD_REMOVED}
 */
public record SignInRevoked(UUID accountId, Optional<UUID> sessionId, String reason) {
}
