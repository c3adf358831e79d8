package dev.latchkey.nudges.internal;

import dev.latchkey.identity.api.Retention;
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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes link handoffs ({@code ndg_handoff}) once they expired longer ago than
 * {@link Retention#handoffs()}, every {@link Retention#interval()} on a managed scheduled executor,
 * in batches of {@link BatchDelete#BATCH} rows, each its own transaction. The window is longer than the
 * handoff's own life and its issue cap's window, so an expired link still answers "expired" for a
 * while, and the cap still counts it; afterwards the link is simply unknown. Every step stays in the
 * append-only {@code ndg_handoff_event}, which is never purged.
 */
@ApplicationScoped
class NudgesPurge {

    private static final Logger LOG = Logger.getLogger(NudgesPurge.class.getName());

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Inject
    Retention retention;

    @Inject
    NudgesSchema schema;

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
        String ended = "expires_at < " + BatchDelete.ago(retention.handoffs());
        try {
            for (String table : new String[] {"ndg_handoff"}) {
                batches().deleteAll(table, "id", ended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Nudges purge failed, the next round tries again: " + e.getMessage());
        }
    }

    private BatchDelete batches() {
        return new BatchDelete(em, transaction);
    }
}
