package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Codes that prove an address belongs to an account (confirming it at sign-up, moving the account
 * to a new one), as rows of {@code idn_email_code} with a purpose. What both need is here once: the
 * per-address cap, a code that a taken address cannot use, one counted try per entry, and the rule
 * that a confirmed address wins over mere claims. Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class AddressCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an entered code did. */
    enum Check { MATCHED, WRONG, NEEDS_NEW_CODE }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Event<EmailConfirmations.ClaimsDisplaced> displaced;

    /**
     * At most {@link JpaEmailCodes#MAX_PER_ADDRESS_PER_CLIENT_PER_HOUR} codes of this purpose to one
     * address for one account an hour, and {@link JpaEmailCodes#MAX_PER_ADDRESS_PER_HOUR} for all
     * accounts together. Counted apart from sign-in codes: a stranger asking sign-in codes for an
     * address spends nothing its owner needs to confirm or move to it. Serialized on the address
     * ({@link #lock}), so parallel requests cannot all pass the count.
     */
    void checkCap(String address, String purpose, UUID accountId) {
        lock("email:" + address);
        Window mine = window("email = ? and purpose = ? and account_id = ?", address, purpose, accountId);
        Window all = window("email = ? and purpose = ?", address, purpose);
        if (mine.count() >= JpaEmailCodes.MAX_PER_ADDRESS_PER_CLIENT_PER_HOUR
                || all.count() >= JpaEmailCodes.MAX_PER_ADDRESS_PER_HOUR) {
            Window full = mine.count() >= JpaEmailCodes.MAX_PER_ADDRESS_PER_CLIENT_PER_HOUR ? mine : all;
            throw new EmailCodes.TooManyRequests(EmailCodes.TooManyRequests.Cap.SENT, "Several codes were sent to this address in the last hour."
                    + " Use the newest one or try again later.", full.retryAfter());
        }
    }

    /**
     * Locks one row per subject until the transaction ends, creating it when missing; two
     * requests racing to create it both end up waiting on the one row (OWASP ASVS V2.2.1: a
     * limit that parallel requests can pass is no limit). Callers lock an address before a client
     * address, always in that order, so two requests never wait on each other in a circle.
     */
    void lock(String... keys) {
        for (String key : keys) {
            em.createNativeQuery("insert into idn_code_cap_lock (cap_key) values (?) on conflict do nothing")
                    .setParameter(1, key).executeUpdate();
            em.createNativeQuery("select cap_key from idn_code_cap_lock where cap_key = ? for update")
                    .setParameter(1, key).getResultList();
        }
    }

    /** The codes of the last hour that match a condition, and how long until the oldest of them stops counting. */
    record Window(long count, java.time.Duration retryAfter) {
    }

    Window window(String condition, Object... params) {
        var query = em.createNativeQuery("select count(*), cast(3600 + extract(epoch from min(created_at))"
                + " - extract(epoch from current_timestamp) as bigint) from idn_email_code where " + condition
                + " and created_at > current_timestamp - interval '3600' second");
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        Object[] row = (Object[]) query.getSingleResult();
        long count = ((Number) row[0]).longValue();
        long wait = row[1] == null ? 1 : Math.max(1, ((Number) row[1]).longValue());
        return new Window(count, java.time.Duration.ofSeconds(wait));
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * Stores a code for the address, valid {@link EmailCodes#VALID_MINUTES} by the database clock.
     *
     * @param codeHash what a correct entry hashes to, or empty for a taken address: then a hash that
     *                 matches no six digits is stored, so the rows (and the answers) are the same as
     *                 for a free address, and no code works
     */
    void store(UUID accountId, String address, java.util.Optional<byte[]> codeHash, String origin, String purpose) {
        em.createNativeQuery("insert into idn_email_code (id, attempt_hash, account_id, email, code_hash, tries,"
                        + " client_address, created_at, expires_at, purpose) values (?, ?, ?, ?, ?, 0, ?,"
                        + " current_timestamp, current_timestamp + interval '" + EmailCodes.VALID_MINUTES * 60
                        + "' second, ?)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, Sha256.of(UUID.randomUUID().toString()))
                .setParameter(3, accountId)
                .setParameter(4, address)
                .setParameter(5, codeHash.orElseGet(() -> Sha256.of(UUID.randomUUID().toString())))
                .setParameter(6, origin)
                .setParameter(7, purpose)
                .executeUpdate();
    }

    /**
     * One entry of a code against a stored row: every try counts, right or wrong, and two
     * concurrent tries cannot share one count.
     *
     * @param usable whether the row is unexpired and unconsumed (by the database clock)
     * @param hashOf what an entered six digits hash to, for comparison with the stored hash
     */
    Check attempt(UUID rowId, int tries, boolean usable, byte[] storedHash, String entered,
                  Function<String, byte[]> hashOf) {
        if (!usable || tries >= EmailCodes.MAX_TRIES) {
            return Check.NEEDS_NEW_CODE;
        }
        if (em.createNativeQuery("update idn_email_code set tries = tries + 1 where id = ? and tries = ?")
                .setParameter(1, rowId).setParameter(2, tries).executeUpdate() != 1) {
            return Check.NEEDS_NEW_CODE;
        }
        String typed = entered == null ? "" : entered.replaceAll("[\\s-]", "");
        if (!typed.matches("\\d{6}") || !MessageDigest.isEqual(hashOf.apply(typed), storedHash)) {
            return tries + 1 >= EmailCodes.MAX_TRIES ? Check.NEEDS_NEW_CODE : Check.WRONG;
        }
        return Check.MATCHED;
    }

    void consume(UUID rowId) {
        em.createNativeQuery("update idn_email_code set consumed_at = current_timestamp where id = ?")
                .setParameter(1, rowId).executeUpdate();
    }

    /**
     * The address is now {@code keeper}'s: every other account that merely claimed it is removed
     * with everything that belongs to it (observers in other modules join this transaction).
     */
    void removeClaims(String address, UUID keeper) {
        List<UUID> claimants = em.createQuery("select a.id from AccountEntity a where a.pendingEmail = :e"
                        + " and a.email is null and a.id <> :me", UUID.class)
                .setParameter("e", address).setParameter("me", keeper).getResultList();
        removeUnconfirmed(address, claimants);
    }

    /** Removes unconfirmed accounts that claimed {@code address}, telling the other modules first (same transaction). */
    void removeUnconfirmed(String address, List<UUID> claimants) {
        if (!claimants.isEmpty()) {
            displaced.fire(new EmailConfirmations.ClaimsDisplaced(new EmailAddress(address), claimants));
            em.createQuery("delete from SessionEntity s where s.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from DeviceEntity d where d.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from AccountEntity a where a.id in :ids").setParameter("ids", claimants).executeUpdate();
        }
    }
}
