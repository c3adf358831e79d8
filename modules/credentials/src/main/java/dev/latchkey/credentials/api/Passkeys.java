package dev.latchkey.credentials.api;

import java.util.List;
import java.util.UUID;

/** Reads an account's passkeys. */
public interface Passkeys {

    /** The account's passkeys, oldest first. */
    List<Passkey> of(UUID accountId);

    /**
     * Notes the device (identity's device record id) on which the passkey was just created, and
     * fires {@link PasskeyAdded}: a new passkey is announced once it is known where it lives.
     */
    void createdOn(UUID passkeyId, UUID deviceId);

    /** Notes the device on which the passkey was just used. */
    void usedOn(UUID passkeyId, UUID deviceId);
}
