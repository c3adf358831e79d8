package dev.latchkey.credentials.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One change to an account's passkeys, from the credentials module's event log: data and codes, no
 * sentences (the operator console says them in the reader's language).
 *
 * @param passkeyId the passkey, empty where one event covered several (an address claimed by another account)
 * @param name      the person's own name for the passkey (user data), when it has one: its current one, or for a
 *                  removed passkey the one it had (removals before credentials V12 kept none)
 * @param provider  the provider's name by AAGUID ("iCloud Keychain"), when its AAGUID is known and on the list
 */
public record PasskeyEvent(Instant at, Optional<UUID> passkeyId, Kind kind, Cause cause, Optional<String> name,
                           Optional<String> provider) {

    public enum Kind {
        ADDED, RENAMED, REMOVED,
        /** Made on a second device, waiting for the pairing code (link handoff, assisted recovery). */
        PENDING,
        /** A pending passkey forgotten: wrong pairing code, cancelled, expired or a recovery link used up. */
        PENDING_DROPPED
    }

    /** Why, as far as the log says. Who acted on staff's behalf is not the credentials module's to know. */
    public enum Cause {
        /** At sign-up. */
        SIGN_UP,
        /** The person, on their account page. */
        BY_PERSON,
        /** On a second device through a link or QR code (also how assisted recovery makes its passkey). */
        HANDOFF,
        /** The person cleared the name: the automatic one is back. */
        NAME_RESET,
        /** The device it lived on was reported lost. */
        DEVICE_LOST,
        /** Another account confirmed the address this account had claimed. */
        ADDRESS_CLAIMED,
        /** Not recorded, or recorded in words this version does not know. */
        UNKNOWN
    }
}
