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

    /** At most {@link JpaEmailCodes#MAX_PER_ADDRESS_PER_HOUR} codes of any purpose to one address an hour. */
    void checkCap(String address) {
        long recent = ((Number) em.createNativeQuery("select count(*) from idn_email_code where email = ?"
                        + " and created_at > current_timestamp - interval '3600' second")
                .setParameter(1, address).getSingleResult()).longValue();
        if (recent >= JpaEmailCodes.MAX_PER_ADDRESS_PER_HOUR) {
            throw new EmailCodes.TooManyRequests("Several codes were sent to this address in the last hour."
                    + " Use the newest one or try again later.");
        }
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
        if (!claimants.isEmpty()) {
            displaced.fire(new EmailConfirmations.ClaimsDisplaced(new EmailAddress(address), claimants));
            em.createQuery("delete from SessionEntity s where s.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from DeviceEntity d where d.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from AccountEntity a where a.id in :ids").setParameter("ids", claimants).executeUpdate();
        }
    }
}
