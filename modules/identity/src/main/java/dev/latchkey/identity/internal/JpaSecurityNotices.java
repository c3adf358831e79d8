package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.SecurityNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Security notices through the mail outbox. REQUIRES_NEW: they are sent by observers that run
 * after the deciding transaction committed, when there is no transaction to join.
 */
@ApplicationScoped
class JpaSecurityNotices implements SecurityNotices {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(UUID accountId, String subject, String text) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email == null) {
            return false;
        }
        outbox.queue(account.email, subject, "Hello " + account.displayName + ",\n\n" + text);
        return true;
    }
}
