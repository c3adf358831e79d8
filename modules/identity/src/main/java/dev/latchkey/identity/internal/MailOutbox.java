package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.DevelopmentOutbox;
import dev.latchkey.identity.api.MailQueue;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every outgoing mail is a row in {@code idn_mail_outbox}, written in the transaction that decided
 * to send it (a rolled-back decision sends nothing). The table is the queue: any instance claims a
 * due row with a conditional update that takes a lease ({@code claimed_until}, database clock), so
 * two instances never send one row at once and a row whose node died mid-send is taken again once
 * the lease has run out. Each claim counts as a try; a failed try waits ({@code next_attempt_at})
 * and, after the last allowed try, the row is dead until an operator retries it.
 *
 * <p>The secret a message carries (a code, an invitation token) is kept apart in {@code secret},
 * the stored subject and body hold {@link SecretText#MARK} in its place, and {@code secret} is set
 * to null the moment the message is sent: afterwards no stored row holds the code or link. Rows
 * for addresses without an account ({@code recipient} null: the same write, so that timing tells
 * nothing) never hold the secret at all.
 */
@ApplicationScoped
class MailOutbox implements DevelopmentOutbox, MailQueue {

    /** Fired inside the writing transaction; delivery observes it after a successful commit. */
    record Queued(UUID id) {
    }

    /** A row this node has claimed: the message as it is to be sent (secret in place), and which try this is. */
    record Claimed(UUID id, String recipient, String subject, String body, int attempt) {
    }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Event<Queued> queued;

    @Inject
    Staff staff;

    @Inject
    IdentityEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    void queue(String recipient, String subject, String body) {
        queue(recipient, subject, body, null);
    }

    /** Queues a message that carries a secret (a code, a link's token): see the class comment. */
    @Transactional(Transactional.TxType.MANDATORY)
    void queue(String recipient, String subject, String body, String secret) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into idn_mail_outbox (id, recipient, subject, body, secret, status, attempts,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 0, current_timestamp, current_timestamp)")
                .setParameter(1, id)
                .setParameter(2, recipient)
                .setParameter(3, SecretText.hide(subject, secret))
                .setParameter(4, SecretText.hide(body, secret))
                .setParameter(5, recipient == null ? null : SecretText.kept(secret))
                .setParameter(6, recipient == null ? "SUPPRESSED" : "PENDING")
                .executeUpdate();
        if (recipient != null) {
            queued.fire(new Queued(id));
        }
    }

    /** Ids of rows due for a try now and not under a live claim, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<UUID> due(int limit) {
        List<?> rows = em.createNativeQuery("select id from idn_mail_outbox where status = 'PENDING'"
                        + " and next_attempt_at <= current_timestamp"
                        + " and (claimed_until is null or claimed_until < current_timestamp) order by next_attempt_at")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(NativeColumns::uuid).toList();
    }

    /**
     * Claims the row for this node for {@code lease} if it is due and nobody holds a live claim on
     * it; the conditional update decides between racing nodes (one of them updates one row, the
     * others none). Counts the try.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Claimed> claim(UUID id, String node, Duration lease) {
        int claimed = em.createNativeQuery("update idn_mail_outbox set claimed_by = ?, attempts = attempts + 1,"
                        + " claimed_until = current_timestamp + interval '" + lease.toSeconds() + "' second"
                        + " where id = ? and status = 'PENDING' and next_attempt_at <= current_timestamp"
                        + " and (claimed_until is null or claimed_until < current_timestamp)")
                .setParameter(1, node)
                .setParameter(2, id)
                .executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("select recipient, subject, body, secret, attempts"
                        + " from idn_mail_outbox where id = ?")
                .setParameter(1, id).getSingleResult();
        String secret = (String) row[3];
        return Optional.of(new Claimed(id, (String) row[0], SecretText.reveal((String) row[1], secret),
                SecretText.reveal((String) row[2], secret), ((Number) row[4]).intValue()));
    }

    /** Sent: the secret goes, so that no stored row holds it any more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sent(UUID id) {
        em.createNativeQuery("update idn_mail_outbox set status = 'SENT', sent_at = current_timestamp, secret = null,"
                        + " last_error = null, claimed_by = null, claimed_until = null where id = ?")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** A failed try: the next one after {@code wait}, or none (dead) when {@code wait} is empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(UUID id, String node, String error, Optional<Duration> wait) {
        String shortError = error.length() > 300 ? error.substring(0, 300) : error;
        em.createNativeQuery(wait.isEmpty()
                        ? "update idn_mail_outbox set status = 'DEAD', dead_at = current_timestamp, last_error = ?,"
                                + " claimed_by = null, claimed_until = null"
                                + " where id = ? and claimed_by = ? and status = 'PENDING'"
                        : "update idn_mail_outbox set last_error = ?, claimed_by = null, claimed_until = null,"
                                + " next_attempt_at = current_timestamp + interval '" + wait.get().toSeconds() + "' second"
                                + " where id = ? and claimed_by = ? and status = 'PENDING'")
                .setParameter(1, shortError)
                .setParameter(2, id)
                .setParameter(3, node)
                .executeUpdate();
    }

    @Override
    @Transactional
    public Summary summary() {
        Object[] row = (Object[]) em.createNativeQuery("select"
                        + " coalesce(sum(case when status = 'PENDING' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when status = 'DEAD' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when status = 'SENT' and sent_at > current_timestamp - interval '86400' second"
                        + " then 1 else 0 end), 0) from idn_mail_outbox")
                .getSingleResult();
        return new Summary(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    @Override
    @Transactional
    public List<DeadLetter> deadLetters(int limit) {
        List<?> rows = em.createNativeQuery("select id, recipient, subject, attempts, last_error, dead_at"
                        + " from idn_mail_outbox where status = 'DEAD' order by dead_at desc")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new DeadLetter(NativeColumns.uuid(r[0]), SecretText.maskAddress((String) r[1]),
                        SecretText.redact((String) r[2]), ((Number) r[3]).intValue(),
                        r[4] == null ? "" : (String) r[4], NativeColumns.instant(r[5])))
                .toList();
    }

    @Override
    @Transactional
    public boolean retry(dev.latchkey.identity.api.StepUpProof operator, UUID messageId) {
        UUID operatorAccountId = staff.confirm(operator, Permission.MAIL_QUEUE);
        int updated = em.createNativeQuery("update idn_mail_outbox set status = 'PENDING', attempts = 0,"
                        + " next_attempt_at = current_timestamp, dead_at = null, claimed_by = null, claimed_until = null"
                        + " where id = ? and status = 'DEAD'")
                .setParameter(1, messageId)
                .executeUpdate();
        if (updated != 1) {
            return false;
        }
        events.record(IdentityEvents.Type.MAIL_RETRIED, operatorAccountId);
        queued.fire(new Queued(messageId));
        return true;
    }

    /**
     * Without an SMTP host nothing is ever sent, so a message keeps its secret and this page (on
     * only then, for requests from this machine: the web layer checks) shows it whole; a message
     * that was sent shows the mark instead.
     */
    @Override
    @Transactional
    public List<Message> newest(int limit) {
        List<?> rows = em.createNativeQuery("select recipient, subject, body, created_at, secret from idn_mail_outbox"
                        + " where recipient is not null order by created_at desc")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Message((String) r[0], shown((String) r[1], (String) r[4]), shown((String) r[2], (String) r[4]),
                        NativeColumns.instant(r[3])))
                .toList();
    }

    private static String shown(String text, String secret) {
        return secret == null ? SecretText.redact(text) : SecretText.reveal(text, secret);
    }

}
