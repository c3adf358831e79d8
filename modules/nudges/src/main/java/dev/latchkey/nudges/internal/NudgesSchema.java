package dev.latchkey.nudges.internal;

import dev.latchkey.nudges.api.NudgesReadiness;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start-up: migrates nudges' tables and checks that its persistence unit matches them, and
 * loads the provider table. Until all of that succeeded, {@link #problem()} keeps the server out
 * of rotation.
 */
@ApplicationScoped
class NudgesSchema implements NudgesReadiness {

    private static final Logger LOG = Logger.getLogger(NudgesSchema.class.getName());

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "nudges")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Inject
    ProviderTable providers;

    private volatile String problem = "nudges migrations have not run yet";

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        providers.problem();
        try {
            ModuleMigrations.migrate(dataSource, "nudges", "ndg_schema_history");
            emf.getSchemaManager().validate();
            problem = null;
        } catch (RuntimeException | jakarta.persistence.SchemaValidationException e) {
            problem = "nudges schema not ready: " + e.getMessage();
            LOG.log(Level.SEVERE, problem, e);
        }
    }

    /** Whether the migrations ran and the schema matched (scheduled jobs wait for it). */
    boolean ready() {
        return problem == null;
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> table = providers.problem();
        if (table.isPresent()) {
            return table;
        }
        if (problem != null) {
            return Optional.of(problem);
        }
        try {
            em.createQuery("select count(e) from EventEntity e where e.id is null", Long.class).getSingleResult();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("nudges persistence unit failed: " + e.getMessage());
        }
    }
}
