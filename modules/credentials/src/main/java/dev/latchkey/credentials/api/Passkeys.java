package dev.latchkey.credentials.api;

import java.util.List;
import java.util.UUID;

/** Reads an account's passkeys. */
public interface Passkeys {

    /** The account's passkeys, oldest first. */
    List<Passkey> of(UUID accountId);
}
