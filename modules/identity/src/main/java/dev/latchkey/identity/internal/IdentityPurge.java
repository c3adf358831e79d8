package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.Retention;
import dev.latchkey.identity.api.SessionPolicy;
import dev.latchkey.platform.api.BatchDelete;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes identity's rows that ended longer ago than their {@link Retention} (OWASP ASVS 4.0.3
 * V8.3.8: sensitive data deleted on a schedule), every {@link Retention#interval()} on a managed
 * scheduled executor, in batches of {@link BatchDelete#BATCH} rows, each batch its own short transaction (no
 * long lock on a busy table). Every instance runs it; two deleting the same rows do no harm. What
 * ends when, judged by the database clock:
 * <ul>
 *   <li>email codes: at {@code expires_at} (the hourly caps count only the last hour's codes);</li>
 *   <li>sessions: at {@code expires_at} or after the idle time since {@code last_seen_at};</li>
 *   <li>mail: counted from when it was queued, unless a node holds a live claim on it;</li>
 *   <li>client-address throttles: an hour after the last failure (their runs are forgotten then, and
 *       no wait is longer than {@link AbuseLimits#MAX_DELAY}). An email address's run is never
 *       forgotten, only ended by a success or a lift: those rows are kept.</li>
 * </ul>
 * Recovery codes, invitations and the append-only event tables are records, not expiring rows.
 */
@ApplicationScoped
class IdentityPurge {

    private static final Logger LOG = Logger.getLogger(IdentityPurge.class.getName());

    /** A client address's run of failures counts for this long after its last failure (DatabaseAbuseLimits). */
    private static final Duration CLIENT_RUN = Duration.ofHours(1);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Retention retention;

    @Inject
    SessionPolicy sessions;

    @Inject
    IdentitySchema schema;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = retention.interval().toMillis();
        executor.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    /** One round. Never throws (a throw would end the schedule); the next round tries again. */
    void purge() {
        if (!schema.ready()) {
            return;
        }
        try {
            batches().deleteAll("idn_email_code", "id", "expires_at < " + BatchDelete.ago(retention.codes()));
            batches().deleteAll("idn_session", "id", "expires_at < " + BatchDelete.ago(retention.sessions())
                    + " or last_seen_at < " + BatchDelete.ago(retention.sessions().plus(sessions.idle())));
            batches().deleteAll("idn_mail_outbox", "id", "created_at < " + BatchDelete.ago(retention.mail())
                    + " and (claimed_until is null or claimed_until < current_timestamp)");
            Duration clientRun = CLIENT_RUN.compareTo(AbuseLimits.MAX_DELAY) > 0 ? CLIENT_RUN : AbuseLimits.MAX_DELAY;
            batches().deleteAll("idn_throttle", "throttle_key", "throttle_key like '%:client:%' and last_failure_at < "
                    + BatchDelete.ago(retention.throttles().plus(clientRun)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Identity purge failed, the next round tries again: " + e.getMessage());
        }
    }

    private BatchDelete batches() {
        return new BatchDelete(em, transaction);
    }
}
