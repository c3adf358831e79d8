package dev.latchkey.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Appends to identity's own event log ({@code idn_event}), which insights will read. Rows are
 * never updated or deleted.
 */
@ApplicationScoped
class IdentityEvents {

    enum Type { ACCOUNT_CREATED, SIGNED_IN, SIGNED_OUT, RECOVERY_CODES_CREATED, RECOVERY_CODE_USED, PASSWORD_SET,
        PASSWORD_CHANGED, PASSWORD_REMOVED, INVITATION_SENT, INVITATION_USED, INVITATION_REVOKED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED,
        MAIL_RETRIED }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(Type type, UUID accountId) {
        em.createNativeQuery("insert into idn_event (type, account_id, occurred_at) values (?, ?, current_timestamp)")
                .setParameter(1, type.name())
                .setParameter(2, accountId)
                .executeUpdate();
    }
}
