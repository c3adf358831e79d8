package dev.latchkey.federation.internal;

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

/** Migrates federation's tables ({@code fed_schema_history}) at start-up and keeps the server out of rotation until then. */
@ApplicationScoped
class FederationSchema implements ModuleReadiness {

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @PersistenceUnit(unitName = "federation")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService retries;

    private final ModuleSchema schema = new ModuleSchema("federation", "fed_schema_history");

    /** Deliberately not @Transactional: Flyway manages its own connections (DSRA9350E otherwise). */
    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schema.migrate(dataSource, emf, retries);
    }

    @Override
    public String module() {
        return "federation";
    }

    boolean ready() {
        return schema.problem().isEmpty();
    }

    @Override
    @jakarta.transaction.Transactional
    public Optional<String> problem() {
        Optional<String> migrated = schema.problem();
        return migrated.isPresent() ? migrated : schema.probe(em, "FederationEventEntity");
    }
}
