package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * Whether an account has a passkey. Identity needs the answer (to rank step-up methods) but does
 * not own passkeys: the credentials module implements this as a CDI bean, so the dependency arrow
 * stays one-way.
 */
public interface PasskeyPresence {

    boolean hasPasskey(UUID accountId);
}
