package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.identity.api.EmailConfirmations;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * When the real owner confirms an address, the accounts that merely claimed it are removed by
 * identity; their passkeys go with them, in the same transaction.
 */
@ApplicationScoped
class DisplacedClaims {

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    Event<PasskeyRemoved> removed;

    @Transactional(Transactional.TxType.MANDATORY)
    void removePasskeys(@Observes EmailConfirmations.ClaimsDisplaced displaced) {
        List<PasskeyEntity> gone = em.createQuery("select p from PasskeyEntity p where p.accountId in :ids",
                        PasskeyEntity.class)
                .setParameter("ids", displaced.accountIds())
                .getResultList();
        for (PasskeyEntity p : gone) {
            em.remove(p);
            removed.fire(new PasskeyRemoved(p.accountId, p.id, "CLAIM_DISPLACED"));
        }
        for (java.util.UUID account : displaced.accountIds()) {
            em.createNativeQuery("insert into cred_event (type, account_id, detail, occurred_at)"
                            + " values ('PASSKEYS_REMOVED', ?, 'address confirmed by another account', current_timestamp)")
                    .setParameter(1, account).executeUpdate();
        }
    }
}
