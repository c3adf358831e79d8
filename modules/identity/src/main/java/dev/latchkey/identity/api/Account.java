package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as other modules see it.
 *
 * @param id          internal id; never shown to authenticators
 * @param userHandle  the WebAuthn user handle
 * @param email       the normalised, unique email address
 * @param displayName what the user asked to be called
 * @param createdAt   when the account was created
 */
public record Account(UUID id, UserHandle userHandle, EmailAddress email, String displayName, Instant createdAt) {
}
