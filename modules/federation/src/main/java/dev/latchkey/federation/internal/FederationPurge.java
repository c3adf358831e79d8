package dev.latchkey.federation.internal;

import dev.latchkey.federation.api.FederationSettings;
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
 * Deletes federation's ended rows every {@link Retention#interval()}, as identity's purge does (OWASP
 * ASVS V8.3.8), in batches, each its own transaction. Judged by the database clock:
 * <ul>
 *   <li>pending requests: at {@code expires_at};</li>
 *   <li>access and refresh tokens: at {@code expires_at};</li>
 *   <li>codes: once no token issued from them can still be alive (a replayed code must still find
 *       its tokens to revoke them), that is {@code expires_at} plus the token lifetime;</li>
 *   <li>signing keys: once retired for longer than they are published;</li>
 *   <li>which clients a session signed in to: after the longest a session lives (12 hours).</li>
 * </ul>
 * {@code fed_event} is a record, never purged here.
 */
@ApplicationScoped
class FederationPurge {

    private static final Logger LOG = Logger.getLogger(FederationPurge.class.getName());

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    Retention retention;

    @Inject
    FederationSettings settings;

    @Inject
    KeyRing keys;

    @Inject
    FederationSchema schema;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = retention.interval().toMillis();
        executor.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    void purge() {
        if (!schema.ready()) {
            return;
        }
        try {
            BatchDelete batches = batches();
            batches.deleteAll("fed_request", "id", "expires_at < current_timestamp");
            // A spent jti is remembered while its assertion could still be accepted (until exp, plus Nimbus's clock skew).
            batches.deleteAll("fed_client_assertion", "jti_hash", "expires_at < " + BatchDelete.ago(java.time.Duration.ofSeconds(300)));
            batches.deleteAll("fed_access_token", "token_hash", "expires_at < current_timestamp");
            batches.deleteAll("fed_refresh_token", "token_hash", "expires_at < current_timestamp");
            batches.deleteAll("fed_session_client", "session_id",
                    "created_at < " + BatchDelete.ago(NimbusOpenIdProvider.REFRESH_LIFETIME));
            batches.deleteAll("fed_code", "code_hash", "expires_at < " + BatchDelete.ago(settings.tokenLifetime()));
            batches.deleteAll("fed_signing_key", "kid", "retired_at < " + BatchDelete.ago(keys.overlap()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Federation purge failed, the next round tries again: " + e.getMessage());
        }
    }

    private BatchDelete batches() {
        return new BatchDelete(em, transaction);
    }
}
