package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.platform.api.NativeColumns;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
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
    /**
     * Pending ceremonies allowed per client address. Generous, because a bank branch or an office
     * shares one address; it bounds a flood, it is not a rate limit for a person.
     */
    static final int MAX_PENDING_PER_ADDRESS = 200;

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Transactional
    byte[] issue(PendingCeremony.Purpose purpose, UUID accountId, Mediation mediation, CeremonyBinding binding,
                 String clientAddress, PendingCeremony.PendingAccount pending) {
        em.createNativeQuery("delete from cred_challenge where expires_at < current_timestamp").executeUpdate();
        String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        long open = ((Number) em.createNativeQuery("select count(*) from cred_challenge where client_address = ?")
                .setParameter(1, address).getSingleResult()).longValue();
        if (open >= MAX_PENDING_PER_ADDRESS) {
            throw new CeremonyRejected(CeremonyRejected.Reason.TOO_MANY_CEREMONIES,
                    "Too many sign-in attempts from your network right now. Wait a few minutes and try again.");
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
                .setParameter(6, Sha256.of(binding.secret()))
                .setParameter(7, address)
                .setParameter(8, pending == null ? null : pending.userHandle())
                .setParameter(9, pending == null ? null : pending.email())
                .setParameter(10, pending == null ? null : pending.displayName())
                .executeUpdate();
        return challenge;
    }

    /**
     * Deletes the ceremony with this challenge and returns it if it was still live. Runs in its
     * own transaction, committed before any verification: a challenge is spent even when the
     * response that carried it is rejected (single use, #sctn-cryptographic-challenges).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<PendingCeremony> consume(byte[] challenge) {
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
