package dev.latchkey.platform.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SchemaValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One module's tables: its Flyway migrations (under {@code META-INF/latchkey/db/<module>}, with
 * the module's own history table) and the check that its persistence unit matches them.
 *
 * <p>A module's start-up observer calls {@link #migrate}; until that succeeded, {@link #problem()}
 * says why, which keeps the server out of rotation. Inside Liberty a failed EntityManagerFactory
 * does not fail the application's start, so this check is what notices it.
 */
public final class ModuleSchema {

    private static final Logger LOG = Logger.getLogger(ModuleSchema.class.getName());

    private final String module;
    private final String historyTable;
    private volatile String problem;
    private int attempts;

    /**
     * @param module the module's name, which is also the folder of its migrations
     * @param historyTable the module's own Flyway history table; never change it once a database
     *     has used it (a new name would migrate every table again)
     */
    public ModuleSchema(String module, String historyTable) {
        this.module = Objects.requireNonNull(module);
        this.historyTable = Objects.requireNonNull(historyTable);
        this.problem = module + " migrations have not run yet";
    }

    /**
     * Migrates the module's tables, then validates its persistence unit against them. Call it
     * outside any transaction: Flyway manages its own connections, and inside a global
     * transaction Liberty refuses them (DSRA9350E).
     *
     * <p>The database may be unreachable at start-up (or another node is still migrating): then the
     * attempt is repeated on {@code retries} with a growing pause (1, 2, 4, 8, then every 10 s) until
     * it succeeds, while {@link #problem()} keeps readiness DOWN. Nothing needs a restart once the
     * database is back.
     */
    public void migrate(DataSource dataSource, EntityManagerFactory emf, ScheduledExecutorService retries) {
        try {
            flyway(dataSource).migrate();
            // Liberty builds the EntityManagerFactory before any start-up observer runs, so
            // hbm2ddl validation would fail on a fresh database: validate after migrating.
            emf.getSchemaManager().validate();
            problem = null;
            if (attempts > 0) {
                LOG.info(() -> module + " schema ready after " + attempts + " retries");
            }
        } catch (RuntimeException | SchemaValidationException e) {
            problem = module + " schema not ready: " + e.getMessage();
            if (attempts == 0) {
                LOG.log(Level.SEVERE, problem + " (retrying in the background)", e);
            } else {
                LOG.warning(problem + " (retry " + attempts + ")");
            }
            long delaySeconds = Math.min(10, 1L << Math.min(attempts, 4));
            attempts++;
            retries.schedule(() -> migrate(dataSource, emf, retries), delaySeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * @return empty once the migrations ran and the persistence unit matched them, otherwise why not
     */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Asks the persistence unit one cheap question about {@code entityName} (an entity with an
     * {@code id}), which fails when its EntityManagerFactory did not start. Call it in a transaction.
     *
     * @return empty when it answered, otherwise what went wrong
     */
    public Optional<String> probe(EntityManager em, String entityName) {
        try {
            em.createQuery("select count(x) from " + entityName + " x where x.id is null", Long.class).getSingleResult();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(module + " persistence unit failed: " + e.getMessage());
        }
    }

    private Flyway flyway(DataSource dataSource) {
        // Inside Liberty, Flyway takes any class loader whose name starts with com.ibm for
        // WebSphere's, then wants a marker file and finds no migrations at all; a plain wrapper
        // around the context class loader avoids that. failOnMissingLocations turns the silent
        // "nothing applied" into an error.
        ClassLoader loader = new ClassLoader(Thread.currentThread().getContextClassLoader()) { };
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:META-INF/latchkey/db/" + module)
                .table(historyTable)
                .failOnMissingLocations(true)
                // Modules share one schema: the second module to migrate finds the first one's
                // tables and must not treat that as an unmanaged schema.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
