package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.IdentityReadiness;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates identity's tables at start-up, then checks that its persistence unit matches them.
 * Until both succeeded, {@link #problem()} keeps the server out of rotation.
 */
@ApplicationScoped
class IdentitySchema implements IdentityReadiness {

    private static final Logger LOG = Logger.getLogger(IdentitySchema.class.getName());

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "identity")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    private volatile String problem = "identity migrations have not run yet";

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            ModuleMigrations.migrate(dataSource, "identity", "idn_schema_history");
            emf.getSchemaManager().validate();
            problem = null;
        } catch (RuntimeException | jakarta.persistence.SchemaValidationException e) {
            problem = "identity schema not ready: " + e.getMessage();
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
        if (problem != null) {
            return Optional.of(problem);
        }
        try {
            em.createQuery("select count(a) from AccountEntity a where a.id is null", Long.class).getSingleResult();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("identity persistence unit failed: " + e.getMessage());
        }
    }
}
