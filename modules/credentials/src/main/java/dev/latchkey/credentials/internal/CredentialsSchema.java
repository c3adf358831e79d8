package dev.latchkey.credentials.internal;

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
 * Migrates the credentials module's tables at start-up, then checks that its persistence unit matches them.
 * Until both succeeded, and while the registration policy is unusable, {@link #problem()} keeps the
 * server out of rotation.
 */
@ApplicationScoped
class CredentialsSchema implements ModuleReadiness {

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "credentials")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    RegistrationRules registrationRules;

    /** Where migrations are retried while the database is unreachable at start-up. */
    @Resource
    ManagedScheduledExecutorService retries;

    private final ModuleSchema schema = new ModuleSchema("credentials", "cred_schema_history");

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schema.migrate(dataSource, emf, retries);
    }

    @Override
    public String module() {
        return "credentials";
    }

    /** Whether the migrations ran and the schema matched (scheduled jobs wait for it). */
    boolean ready() {
        return schema.problem().isEmpty();
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> migrated = schema.problem();
        if (migrated.isPresent()) {
            return migrated;
        }
        Optional<String> policy = registrationRules.problem();
        return policy.isPresent() ? policy : schema.probe(em, "PasskeyEntity");
    }
}
