package dev.latchkey.insights.internal;

import dev.latchkey.platform.api.ModuleReadiness;
import dev.latchkey.platform.api.ModuleSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * At start-up: migrates insights' tables and checks that its persistence unit matches them. Until
 * that succeeded, {@link #problem()} keeps the server out of rotation and the jobs wait.
 */
@ApplicationScoped
class InsightsSchema implements ModuleReadiness {

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "insights")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService retries;

    private final ModuleSchema schema = new ModuleSchema("insights", "ins_schema_history");

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schema.migrate(dataSource, emf, retries);
    }

    @Override
    public String module() {
        return "insights";
    }

    boolean ready() {
        return schema.problem().isEmpty();
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> migrated = schema.problem();
        return migrated.isPresent() ? migrated : schema.probe(em, "StaffActionEntity");
    }
}
