package dev.latchkey.credentials.internal;

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
 * Deletes credentials' pending ceremonies ({@code cred_challenge}) and pending passkeys
 * ({@code cred_pending_passkey}) once they expired longer ago than {@link Retention#ceremonies()},
 * every {@link Retention#interval()} on a managed scheduled executor, in batches of {@link BatchDelete#BATCH}
 * rows, each its own transaction. An expired one can never be used (both are judged by
 * {@code expires_at}, database clock), so this only keeps the tables small; passkeys, the record
 * of what an account holds, are never purged.
 */
@ApplicationScoped
class CredentialsPurge {

    private static final Logger LOG = Logger.getLogger(CredentialsPurge.class.getName());

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    Retention retention;

    @Inject
    CredentialsSchema schema;

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
        String ended = "expires_at < " + BatchDelete.ago(retention.ceremonies());
        try {
            for (String table : new String[] {"cred_challenge", "cred_pending_passkey"}) {
                batches().deleteAll(table, "id", ended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Credentials purge failed, the next round tries again: " + e.getMessage());
        }
    }

    private BatchDelete batches() {
        return new BatchDelete(em, transaction);
    }
}
