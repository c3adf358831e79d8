package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CredentialsReadiness;
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
 * Migrates the credentials module's tables at start-up, then checks that its persistence unit matches them.
 * Until both succeeded, {@link #problem()} keeps the server out of rotation.
 */
@ApplicationScoped
class CredentialsSchema implements CredentialsReadiness {

    private static final Logger LOG = Logger.getLogger(CredentialsSchema.class.getName());

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "credentials")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    private volatile String problem = "credentials migrations have not run yet";

    @jakarta.inject.Inject
    RegistrationRules registrationRules;

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            ModuleMigrations.migrate(dataSource, "credentials", "cred_schema_history");
            emf.getSchemaManager().validate();
            problem = null;
        } catch (RuntimeException | jakarta.persistence.SchemaValidationException e) {
            problem = "credentials schema not ready: " + e.getMessage();
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
        Optional<String> policy = registrationRules.problem();
        if (policy.isPresent()) {
            return policy;
        }
        try {
            em.createQuery("select count(p) from PasskeyEntity p where p.id is null", Long.class).getSingleResult();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("credentials persistence unit failed: " + e.getMessage());
        }
    }
}
