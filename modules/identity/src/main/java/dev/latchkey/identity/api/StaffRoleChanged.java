package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * An admin granted or revoked a staff role in the console ({@link StaffRoles}). Fired synchronously,
 * inside the transaction that changed the role, so that an observer's audit row (insights' staff
 * actions) commits or rolls back with it.
 *
 * @param actorId   the admin
 * @param accountId the account whose role changed
 */
public record StaffRoleChanged(UUID actorId, UUID accountId, String accountEmail, StaffRole role, boolean granted) {
}
