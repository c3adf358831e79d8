package dev.latchkey.credentials.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Names and icons of passkey providers by AAGUID, from the community list shipped with the
 * credentials module or an operator's newer copy ({@code LATCHKEY_AAGUID_FILE}). A broken or
 * empty list is logged and answers empty: callers fall back to a name of their own, and nothing
 * about signing in depends on it.
 */
public interface PasskeyProviders {

    /** The provider of passkeys with this AAGUID; empty for the all-zero AAGUID and unknown ones. */
    Optional<PasskeyProvider> of(java.util.UUID aaguid);

    /** How many providers the list in use names (0 when it is empty or could not be read). */
    int size();

    /** The all-zero AAGUID: the authenticator did not say (or the browser hid it). */
    UUID UNKNOWN = new UUID(0, 0);
}
