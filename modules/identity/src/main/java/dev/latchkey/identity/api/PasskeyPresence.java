package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * Whether and how many passkeys an account has. Identity needs the answer (to rank step-up methods,
 * and for {@link LastWayIn}) but does not own passkeys: the credentials module implements this as a
 * CDI bean, so the dependency arrow stays one-way.
 */
public interface PasskeyPresence {

    boolean hasPasskey(UUID accountId);

    /** How many passkeys the account holds. */
    long count(UUID accountId);

    /** How many of them go when this device of the account is reported lost (those that live only on it). */
    long countCreatedOn(UUID accountId, UUID deviceId);
}
