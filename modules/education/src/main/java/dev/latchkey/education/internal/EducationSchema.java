package dev.latchkey.education.internal;

import dev.latchkey.education.api.EducationReadiness;
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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start-up: loads the help content, migrates education's tables and checks that its
 * persistence unit matches them. Until all of that succeeded, {@link #problem()} keeps the server
 * out of rotation.
 */
@ApplicationScoped
class EducationSchema implements EducationReadiness {

    private static final Logger LOG = Logger.getLogger(EducationSchema.class.getName());

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "education")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "education")
    EntityManager em;

    @Inject
    HelpLibrary help;

    private volatile String problem = "education migrations have not run yet";

    /**
     * The database may be unreachable at start-up (or the schema not yet migrated by another node):
     * migrations and validation are retried in the background until they succeed, while readiness
     * stays DOWN. Nothing needs a restart once the database is back.
     */
    @Resource
    ManagedScheduledExecutorService retries;

    private int attempts;

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        help.problem(); // loads the articles and tips now rather than on the first page view
        migrateAndValidate();
    }

    private void migrateAndValidate() {
        try {
            ModuleMigrations.migrate(dataSource, "education", "edu_schema_history");
            emf.getSchemaManager().validate();
            problem = null;
            if (attempts > 0) {
                LOG.info(() -> "education schema ready after " + attempts + " retries");
            }
        } catch (RuntimeException | jakarta.persistence.SchemaValidationException e) {
            problem = "education schema not ready: " + e.getMessage();
            if (attempts == 0) {
                LOG.log(Level.SEVERE, problem + " (retrying in the background)", e);
            } else {
                LOG.warning(problem + " (retry " + attempts + ")");
            }
            long delaySeconds = Math.min(10, 1L << Math.min(attempts, 4));
            attempts++;
            retries.schedule(this::migrateAndValidate, delaySeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> content = help.problem();
        if (content.isPresent()) {
            return content;
        }
        if (problem != null) {
            return Optional.of(problem);
        }
        try {
            em.createQuery("select count(f) from FeedbackEntity f where f.id is null", Long.class).getSingleResult();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("education persistence unit failed: " + e.getMessage());
        }
    }
}
