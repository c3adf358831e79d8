package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as other modules see it.
 *
 * @param id          internal id; never shown to authenticators
 * @param userHandle  the WebAuthn user handle
 * @param email          the account's address: confirmed, or claimed at sign-up and not yet confirmed
 * @param emailConfirmed whether a code sent to the address was entered; only a confirmed address
 *                       can be used to sign in by email code or to recover the account
 * @param displayName    what the user asked to be called
 * @param createdAt      when the account was created
 */
public record Account(UUID id, UserHandle userHandle, EmailAddress email, boolean emailConfirmed, String displayName,
                      Instant createdAt) {
}
