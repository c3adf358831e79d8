package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.OtherAuthenticators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Tells identity whether an account has a passkey (identity's password rules depend on it). */
@ApplicationScoped
class PasskeyPresence implements OtherAuthenticators {

    @Inject
    Passkeys passkeys;

    @Override
    public boolean hasPasskey(UUID accountId) {
        return !passkeys.of(accountId).isEmpty();
    }
}
