package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.SignUpGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Writes a sign-up to two modules' tables in one JTA transaction: identity's account first, then
 * this module's passkey, then (in invitation mode) identity spends the invitation. Any failure
 * after the account insert rolls all of it back.
 */
@ApplicationScoped
class SignUpWriter {

    @Inject
    Accounts accounts;

    @Inject
    PasskeyStore passkeys;

    @Inject
    SignUpGate gate;

    @Transactional
    Account createAccountWithPasskey(NewAccount newAccount, PasskeyEntity passkey, Optional<String> invitation) {
        Account account = accounts.create(newAccount);
        passkey.accountId = account.id();
        // #rp-op-registering-a-new-credential-step-cred-id-not-registered: the credential id must
        // not be registered yet, to any account. Checked here, after the account insert and inside
        // the same transaction, so the unique index and this check fail the whole sign-up.
        if (!passkeys.insertIfNew(passkey)) {
            throw new CeremonyRejected(CeremonyRejected.Reason.ALREADY_REGISTERED,
                    "This passkey is already registered. Sign in with it instead.");
        }
        gate.admit(account.id(), newAccount.email(), invitation);
        return account;
    }
}
