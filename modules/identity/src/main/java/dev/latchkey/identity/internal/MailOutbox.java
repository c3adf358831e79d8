package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.MailSettings;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Every outgoing mail is first a row in {@code idn_mail_outbox}, written in the transaction that
 * decided to send it; after that transaction commits, the message is delivered over SMTP on a
 * managed thread (so a request never waits for the mail server, and a rolled-back decision sends
 * nothing). Without an SMTP host, rows stay unsent for the development outbox page.
 */
@ApplicationScoped
class MailOutbox implements dev.latchkey.identity.api.DevelopmentOutbox {

    /** Fired inside the writing transaction; delivery observes it after a successful commit. */
    record Queued(UUID id) {
    }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Event<Queued> queued;

    @Inject
    MailSettings settings;

    @Inject
    MailDelivery delivery;

    /**
     * Delivery starts this long after the commit, so that its work (an SMTP conversation) never
     * overlaps the request that decided to send: otherwise a request for a known address, whose
     * mail is really sent, would end measurably later than one for an unknown address (README,
     * "Enumeration timing benchmark").
     */
    static final long DELIVERY_DELAY_MILLIS = 500;

    @Resource
    ManagedScheduledExecutorService executor;

    @Transactional(Transactional.TxType.MANDATORY)
    void queue(String recipient, String subject, String body) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into idn_mail_outbox (id, recipient, subject, body, created_at)"
                        + " values (?, ?, ?, ?, current_timestamp)")
                .setParameter(1, id)
                .setParameter(2, recipient)
                .setParameter(3, subject)
                .setParameter(4, body)
                .executeUpdate();
        if (recipient != null) {
            queued.fire(new Queued(id));
        }
    }

    void deliverAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued message) {
        if (!settings.smtpConfigured()) {
            return;
        }
        executor.schedule(() -> delivery.deliver(message.id()), DELIVERY_DELAY_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** An unsent message, read in a transaction of its own (delivery runs on a managed thread). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    java.util.Optional<Object[]> unsent(UUID id) {
        List<?> rows = em.createNativeQuery("select recipient, subject, body from idn_mail_outbox"
                        + " where id = ? and sent_at is null and recipient is not null")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void mark(UUID id, String error) {
        if (error == null) {
            em.createNativeQuery("update idn_mail_outbox set sent_at = current_timestamp, last_error = null where id = ?")
                    .setParameter(1, id)
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("update idn_mail_outbox set last_error = ? where id = ?")
                .setParameter(1, error.length() > 300 ? error.substring(0, 300) : error)
                .setParameter(2, id)
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<Message> newest(int limit) {
        List<?> rows = em.createNativeQuery("select recipient, subject, body, created_at from idn_mail_outbox"
                        + " where recipient is not null order by created_at desc")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Message((String) r[0], (String) r[1], (String) r[2], NativeColumns.instant(r[3])))
                .toList();
    }
}
