package dev.latchkey.nudges.internal;

import dev.latchkey.platform.api.ModuleReadiness;
import dev.latchkey.platform.api.ModuleSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * At start-up: migrates nudges' tables and checks that its persistence unit matches them, and
 * loads the provider table. Until all of that succeeded, {@link #problem()} keeps the server out
 * of rotation.
 */
@ApplicationScoped
class NudgesSchema implements ModuleReadiness {

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "nudges")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Inject
    ProviderTable providers;

    /** Where migrations are retried while the database is unreachable at start-up. */
    @Resource
    ManagedScheduledExecutorService retries;

    private final ModuleSchema schema = new ModuleSchema("nudges", "ndg_schema_history");

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        providers.problem();
        schema.migrate(dataSource, emf, retries);
    }

    @Override
    public String module() {
        return "nudges";
    }

    /** Whether the migrations ran and the schema matched (scheduled jobs wait for it). */
    boolean ready() {
        return schema.problem().isEmpty();
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> table = providers.problem();
        if (table.isPresent()) {
            return table;
        }
        Optional<String> migrated = schema.problem();
        return migrated.isPresent() ? migrated : schema.probe(em, "EventEntity");
    }
}
