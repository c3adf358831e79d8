package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyEvent;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code cred_event}'s rows as {@link PasskeyEvent} codes. The log keeps a type and a short
 * detail ({@link CredentialEvents.Detail}) written by each path that changes a passkey; both are mapped here, once. Uses and refused
 * ceremonies are not changes to the account's passkeys and are left out.
 */
final class PasskeyHistory {

    /** The {@code cred_event} types that change an account's passkeys. */
    static final List<String> TYPES = List.of("PASSKEY_REGISTERED", "PASSKEY_RENAMED", "PASSKEY_REMOVED",
            "PASSKEYS_REMOVED", "PASSKEY_PENDING", "PENDING_DROPPED");

    record Code(PasskeyEvent.Kind kind, PasskeyEvent.Cause cause) {
    }

    private PasskeyHistory() {
    }

    /**
     * The kind and cause of one row; empty for a type that is no change to the passkeys. The cause is the
     * {@link CredentialEvents.Detail} the writer recorded; a detail that is none of them is {@code UNKNOWN}.
     */
    static Optional<Code> code(String type, String detail) {
        CredentialEvents.Detail d = CredentialEvents.Detail.of(detail).orElse(null);
        return Optional.ofNullable(switch (type) {
            case "PASSKEY_REGISTERED" -> new Code(PasskeyEvent.Kind.ADDED, d == CredentialEvents.Detail.SIGN_UP
                    ? PasskeyEvent.Cause.SIGN_UP : d == CredentialEvents.Detail.ADDED ? PasskeyEvent.Cause.BY_PERSON
                    : d == CredentialEvents.Detail.HANDOFF_PAIRED ? PasskeyEvent.Cause.HANDOFF : PasskeyEvent.Cause.UNKNOWN);
            case "PASSKEY_RENAMED" -> new Code(PasskeyEvent.Kind.RENAMED, d == CredentialEvents.Detail.AUTOMATIC_NAME
                    ? PasskeyEvent.Cause.NAME_RESET : d == CredentialEvents.Detail.RENAMED ? PasskeyEvent.Cause.BY_PERSON
                    : PasskeyEvent.Cause.UNKNOWN);
            case "PASSKEY_REMOVED" -> new Code(PasskeyEvent.Kind.REMOVED, d == CredentialEvents.Detail.REMOVED_BY_USER
                    ? PasskeyEvent.Cause.BY_PERSON : d == CredentialEvents.Detail.DEVICE_LOST ? PasskeyEvent.Cause.DEVICE_LOST
                    : PasskeyEvent.Cause.UNKNOWN);
            case "PASSKEYS_REMOVED" -> new Code(PasskeyEvent.Kind.REMOVED, PasskeyEvent.Cause.ADDRESS_CLAIMED);
            case "PASSKEY_PENDING" -> new Code(PasskeyEvent.Kind.PENDING, PasskeyEvent.Cause.HANDOFF);
            case "PENDING_DROPPED" -> new Code(PasskeyEvent.Kind.PENDING_DROPPED, PasskeyEvent.Cause.UNKNOWN);
            default -> null;
        });
    }
}
