package dev.latchkey.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Migrations run without the request statement timeout on PostgreSQL, and the connection gets it back before the
 * pool lends it again. On a real PostgreSQL (PG_HOST, PG_PORT, PG_DB, PG_USER as the tests use them; skipped where
 * none answers), with a connection whose start-up options set a 200 ms timeout and whose driver gives up reading
 * after 1 s, as {@code db-postgres.xml} sets 10 s and 60 s.
 */
class ModuleSchemaTimeoutTest {

    private static Connection connect() {
        String url = "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/"
                + env("PG_DB", "test");
        Properties p = new Properties();
        p.setProperty("user", env("PG_USER", "postgres"));
        p.setProperty("password", env("PG_PASSWORD", ""));
        p.setProperty("options", "-c statement_timeout=200 -c idle_in_transaction_session_timeout=300");
        p.setProperty("socketTimeout", "1"); // seconds, as db-postgres.xml sets 60
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL answers at " + url + ": " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Test
    void aMigrationMayRunLongerThanARequestAndTheConnectionGetsItsTimeoutBack() throws SQLException {
        try (Connection real = connect()) {
            assertThatThrownBy(() -> sleep(real, 0.4)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            DataSource pool = poolOfOne(real);
            try (Connection migrating = ModuleSchema.withoutStatementTimeout(pool).getConnection()) {
                assertThat(timeout(migrating)).isEqualTo("0");
                sleep(migrating, 0.4); // longer than 200 ms: not cancelled
                migrating.setAutoCommit(false);
                sleep(migrating, 1.5); // longer than the socket timeout: the driver keeps waiting
                idle(600); // idle in the transaction longer than the session may: it is not ended
                sleep(migrating, 0.1);
                migrating.commit();
                migrating.setAutoCommit(true);
            }
            assertThat(real.isClosed()).as("the pool's connection is lent again, not closed").isFalse();
            assertThat(timeout(real)).as("back to its start-up option before the pool lends it").isEqualTo("200ms");
            try (Statement st = real.createStatement();
                 ResultSet r = st.executeQuery("show idle_in_transaction_session_timeout")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("300ms");
            }
            assertThat(real.getNetworkTimeout()).as("the driver's socket timeout is back too").isEqualTo(1000);
        }
    }

    private static void sleep(Connection c, double seconds) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_sleep(" + seconds + ")");
        }
    }

    private static void idle(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String timeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show statement_timeout")) {
            r.next();
            return r.getString(1);
        }
    }

    /** A pool that lends one connection and, like a pool, keeps it open when the borrower closes it. */
    private static DataSource poolOfOne(Connection real) {
        Connection lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "isClosed" -> false;
                    default -> method.invoke(real, args);
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return lent;
            }

            @Override
            public Connection getConnection(String user, String password) {
                return lent;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
