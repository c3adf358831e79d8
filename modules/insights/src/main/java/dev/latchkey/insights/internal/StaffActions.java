package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.Accounts;
import dev.latchkey.nudges.api.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The audit of staff actions ({@code ins_staff_action}): written in the action's own transaction. */
@ApplicationScoped
class StaffActions {

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** @param subject the account the action was about (its id), or {@code ""} for none */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID actorId, String action, String subject) {
        record(actorId, action, subject, null);
    }

    /**
     * @param subject the account the action was about (its id), or {@code ""} for none
     * @param detail  what the subject does not say, in words ({@code op.audit.*}: the console says them in the
     *                reader's language), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID actorId, String action, String subject, Words detail) {
        StaffActionEntity e = new StaffActionEntity();
        e.id = UUID.randomUUID();
        e.actorId = actorId;
        e.actorEmail = accounts.find(actorId).map(a -> a.email().value()).orElse("?");
        e.action = action;
        e.subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
        e.detailWords = detail == null ? null : AuditWords.encode(detail);
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.persist(e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<StaffActionEntity> recent(int limit) {
        return em.createQuery("from StaffActionEntity e order by e.occurredAt desc, e.id", StaffActionEntity.class)
                .setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<StaffActionEntity> about(String subject, int limit) {
        return em.createQuery("from StaffActionEntity e where e.subject = :s order by e.occurredAt desc, e.id",
                        StaffActionEntity.class)
                .setParameter("s", subject).setMaxResults(limit).getResultList();
    }
}
