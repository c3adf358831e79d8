package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The accounts store.
 *
 * <p>Storage contract: confirmed email addresses and user handles are unique; {@link #create} joins the
 * caller's transaction (or starts one), so a caller that fails after it rolls the account back.
 */
public interface Accounts {

    Optional<Account> find(UUID id);

    /** The account whose confirmed address this is; claims by unconfirmed accounts do not count. */
    Optional<Account> findByEmail(EmailAddress email);

    Optional<Account> findByUserHandle(UserHandle userHandle);

    /**
     * Creates the account with its address claimed, not confirmed. This never fails because of
     * the address: a claim reserves nothing, so a taken and a free address are treated alike.
     */
    Account create(NewAccount account);
}
