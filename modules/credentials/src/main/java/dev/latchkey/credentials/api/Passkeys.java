package dev.latchkey.credentials.api;

import java.util.List;
import java.util.UUID;

/** Reads an account's passkeys. */
public interface Passkeys {

    /** The account's passkeys, oldest first. */
    List<Passkey> of(UUID accountId);

    /*
     * No "created on" or "used on" here: the ceremonies note the device themselves, in the
     * transaction that stores or uses the passkey (PasskeyCeremonies, EnrollmentCeremonies).
     */
}
