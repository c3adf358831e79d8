package dev.latchkey.identity.api;

import java.util.List;
import java.util.UUID;

/**
 * The ways into an account other than its passkeys that work on this deployment: sign-in by
 * email code (when offered), the password (when offered and set), recovery codes (when any are
 * left). Each of them needs a confirmed address, so an account whose address is unconfirmed has
 * none. The credentials module asks before it removes a passkey: the last way in is never removed.
 */
public interface FallbackSignIns {

    /** Empty when the account's passkeys are its only way in. */
    List<SignInMethod> usable(UUID accountId);

    /**
     * Deployment setting (LATCHKEY_FALLBACK_EMAIL_CODE, LATCHKEY_FALLBACK_PASSWORD): which
     * fallbacks are offered at all. Produced by the web module from configuration.
     */
    record Offered(boolean emailCode, boolean password) {

        public static final Offered ALL = new Offered(true, true);
    }
}
