package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyLimits;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.platform.api.NativeColumns;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pending ceremonies in {@code cred_challenge}. Written with native SQL so that expiry is computed
 * and checked by the database clock: several instances with drifting clocks agree on it.
 */
@ApplicationScoped
class ChallengeStore {

    static final int LIFETIME_MINUTES = 5;

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    Instance<CeremonyLimits> configured;

    /**
     * Bounds pending ceremonies without refusing anyone for an address they share (see
     * {@link CeremonyLimits}): this browser's oldest beyond its share, then, while all browsers
     * together are at the bound, the oldest of the address holding the most.
     */
    @Transactional
    byte[] issue(PendingCeremony.Purpose purpose, UUID accountId, Mediation mediation, CeremonyBinding binding,
                 String clientAddress, PendingCeremony.PendingAccount pending) {
        em.createNativeQuery("delete from cred_challenge where expires_at < current_timestamp").executeUpdate();
        String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        byte[] bindingHash = Sha256.of(binding.secret());
        evictOldest("binding_hash = ?", bindingHash, CeremonyLimits.PER_BROWSER - 1);
        int max = configured.isResolvable() ? configured.get().pendingMax() : CeremonyLimits.DEFAULTS.pendingMax();
        long open = ((Number) em.createNativeQuery("select count(*) from cred_challenge").getSingleResult()).longValue();
        if (open >= max) {
            List<?> heaviest = em.createNativeQuery("select client_address from cred_challenge group by client_address"
                    + " order by count(*) desc, client_address").setMaxResults(1).getResultList();
            if (!heaviest.isEmpty()) {
                long ofHeaviest = ((Number) em.createNativeQuery("select count(*) from cred_challenge"
                        + " where client_address = ?").setParameter(1, heaviest.get(0)).getSingleResult()).longValue();
                evictOldest("client_address = ?", heaviest.get(0), ofHeaviest - (open - max + 1));
            }
        }
        byte[] challenge = Hashes.newChallenge();
        em.createNativeQuery("insert into cred_challenge (id, challenge, purpose, account_id, mediation, binding_hash,"
                        + " client_address, user_handle, user_name, display_name, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp,"
                        + " current_timestamp + interval '" + LIFETIME_MINUTES + "' minute)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, challenge)
                .setParameter(3, purpose.name())
                .setParameter(4, accountId)
                .setParameter(5, mediation.name())
                .setParameter(6, bindingHash)
                .setParameter(7, address)
                .setParameter(8, pending == null ? null : pending.userHandle())
                .setParameter(9, pending == null ? null : pending.email())
                .setParameter(10, pending == null ? null : pending.displayName())
                .executeUpdate();
        return challenge;
    }

    /** Deletes the oldest ceremonies matching the condition until at most {@code keep} of them remain. */
    private void evictOldest(String condition, Object value, long keep) {
        List<?> ids = em.createNativeQuery("select id from cred_challenge where " + condition
                        + " order by created_at desc, id")
                .setParameter(1, value).setFirstResult((int) Math.max(0, keep)).getResultList();
        for (Object id : ids) {
            em.createNativeQuery("delete from cred_challenge where id = ?").setParameter(1, id).executeUpdate();
        }
    }

    /**
     * Deletes the ceremony with this challenge and returns it if it was still live. Runs in its
     * own transaction, committed before any verification: a challenge is spent even when the
     * response that carried it is rejected (single use, #sctn-cryptographic-challenges), also by a
     * caller whose own transaction rolls back on a refusal.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<PendingCeremony> consume(byte[] challenge) {
        return spend(challenge);
    }

    /**
     * As {@link #consume}, in the caller's transaction, for a caller that commits on every refusal
     * (the passkey sign-in: {@code dontRollbackOn = CeremonyRejected}), so that the challenge is
     * spent with the sign-in it allowed or with the refusal it ended in, one transaction fewer. The
     * row lock of the delete holds until that transaction ends: a second finish with the same
     * challenge, on any instance, waits for it and then finds the row gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<PendingCeremony> consumeInCallersTransaction(byte[] challenge) {
        return spend(challenge);
    }

    private Optional<PendingCeremony> spend(byte[] challenge) {
        List<?> rows = em.createNativeQuery("select id, purpose, account_id, mediation, binding_hash, user_handle,"
                        + " user_name, display_name,"
                        + " case when expires_at > current_timestamp then 1 else 0 end"
                        + " from cred_challenge where challenge = ?")
                .setParameter(1, challenge)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        // Only the transaction whose delete removed the row may proceed: two instances racing on
        // one challenge cannot both finish the ceremony.
        int deleted = em.createNativeQuery("delete from cred_challenge where id = ?")
                .setParameter(1, row[0]).executeUpdate();
        boolean live = ((Number) row[8]).intValue() == 1;
        if (deleted != 1 || !live) {
            return Optional.empty();
        }
        PendingCeremony.PendingAccount pending = row[5] == null ? null
                : new PendingCeremony.PendingAccount((byte[]) row[5], (String) row[6], (String) row[7]);
        return Optional.of(new PendingCeremony(
                challenge,
                PendingCeremony.Purpose.valueOf((String) row[1]),
                Optional.ofNullable(row[2]).map(NativeColumns::uuid),
                Mediation.valueOf((String) row[3]),
                (byte[]) row[4],
                Optional.ofNullable(pending)));
    }
}
