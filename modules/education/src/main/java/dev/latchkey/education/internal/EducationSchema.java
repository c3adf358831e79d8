package dev.latchkey.education.internal;

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
 * At start-up: loads the help content, migrates education's tables and checks that its
 * persistence unit matches them. Until all of that succeeded, {@link #problem()} keeps the server
 * out of rotation.
 */
@ApplicationScoped
class EducationSchema implements ModuleReadiness {

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "education")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "education")
    EntityManager em;

    @Inject
    HelpLibrary help;

    /** Where migrations are retried while the database is unreachable at start-up. */
    @Resource
    ManagedScheduledExecutorService retries;

    private final ModuleSchema schema = new ModuleSchema("education", "edu_schema_history");

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        help.problem(); // loads the articles and tips now rather than on the first page view
        schema.migrate(dataSource, emf, retries);
    }

    @Override
    public String module() {
        return "education";
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> content = help.problem();
        if (content.isPresent()) {
            return content;
        }
        Optional<String> migrated = schema.problem();
        return migrated.isPresent() ? migrated : schema.probe(em, "FeedbackEntity");
    }
}
