package dev.latchkey.platform.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SchemaValidationException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
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

    /**
     * The data source as migrations need it: on PostgreSQL, each connection handed out runs its statements without
     * the pool's {@code statement_timeout} (set for requests, 10 s by default), and gets it back when it is closed,
     * before the pool lends it to a request again. A migration that fills a column from a large table (identity V19
     * reads every sign-in: about a minute on 20,000,000) would otherwise be cancelled on every attempt, and the server
     * would never become ready. So is {@code idle_in_transaction_session_timeout}: Flyway keeps its advisory lock in an
     * open transaction on a second connection, idle while the first one migrates, and PostgreSQL would end that
     * session (the migration done, recording it then fails). The driver's socket timeout ({@code socketTimeout}, 60 s in {@code db-postgres.xml}) is
     * lifted too: it would close the connection while the database goes on with the statement, holding its locks,
     * and every retry would then fail on them. The lock timeout stays: a migration that cannot get its lock fails and
     * is retried.
     */
    static DataSource withoutStatementTimeout(DataSource pool) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return lifted(pool.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return lifted(pool.getConnection(user, password));
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return pool.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return pool.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return pool.isWrapperFor(type);
            }
        };
    }

    private static Connection lifted(Connection connection) throws SQLException {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return connection;
        }
        try (Statement s = connection.createStatement()) {
            // A session setting (not SET LOCAL): it outlives Flyway's transactions, and close() undoes it.
            s.execute("set statement_timeout = 0");
            // Flyway holds its advisory lock in a transaction on a second connection, idle while the first migrates.
            s.execute("set idle_in_transaction_session_timeout = 0");
        }
        int networkTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, 0);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                        try {
                            if (!connection.getAutoCommit()) {
                                connection.rollback(); // Flyway ended its transactions; an aborted one refuses RESET
                            }
                            try (Statement s = connection.createStatement()) {
                                // Back to the connection's own setting (its start-up options), as requests expect.
                                s.execute("reset statement_timeout");
                                s.execute("reset idle_in_transaction_session_timeout");
                            }
                            connection.setNetworkTimeout(Runnable::run, networkTimeout);
                        } catch (SQLException e) {
                            LOG.log(Level.WARNING, "Could not restore the timeouts after migrating", e);
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Flyway flyway(DataSource dataSource) {
        // Inside Liberty, Flyway takes any class loader whose name starts with com.ibm for
        // WebSphere's, then wants a marker file and finds no migrations at all; a plain wrapper
        // around the context class loader avoids that. failOnMissingLocations turns the silent
        // "nothing applied" into an error.
        ClassLoader loader = new ClassLoader(Thread.currentThread().getContextClassLoader()) { };
        return Flyway.configure(loader)
                .dataSource(withoutStatementTimeout(dataSource))
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
