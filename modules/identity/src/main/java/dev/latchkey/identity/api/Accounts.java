package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The accounts store.
 *
 * <p>Storage contract: email addresses and user handles are unique; {@link #create} joins the
 * caller's transaction (or starts one), so a caller that fails after it rolls the account back.
 */
public interface Accounts {

    Optional<Account> find(UUID id);

    Optional<Account> findByEmail(EmailAddress email);

    Optional<Account> findByUserHandle(UserHandle userHandle);

    /**
     * Creates the account.
     *
     * @throws EmailTakenException when another account already uses the address
     */
    Account create(NewAccount account);
}
