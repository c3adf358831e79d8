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

    /** Hands every account's id to {@code each}, in one read-only pass (for a read side's snapshots). */
    void forEachId(java.util.function.Consumer<UUID> each);

    /**
     * Accounts whose address starts with {@code addressPrefix} (case-insensitive), or whose id it
     * is, at most {@code limit}: for staff looking an account up. Confirmed or not.
     */
    java.util.List<Account> search(String addressPrefix, int limit);

    /**
     * Creates the account with its address claimed, not confirmed. This never fails because of
     * the address: a claim reserves nothing, so a taken and a free address are treated alike.
     */
    Account create(NewAccount account);

    /**
     * The language the account's mail is written in from now on: the one a signed-in person chose
     * in the header's switcher. Identity writes English where it has no mail in that language.
     */
    void preferLanguage(UUID accountId, java.util.Locale language);
}
