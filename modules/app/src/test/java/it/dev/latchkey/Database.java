package it.dev.latchkey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Access to the test server's database, to prove what a rejected request did not write (and,
 * for timeout tests, to age a session as time would). Same settings as the server: PostgreSQL when DB_KIND=postgres, otherwise the test H2
 * file (opened with AUTO_SERVER, as the server opens it).
 */
final class Database {

    private Database() {
    }

    static long count(String sql, Object... params) {
        return countOn(System.getProperty("latchkey.it.h2.path"), sql, params);
    }

    /** As {@link #count}, on the database of the server whose H2 file this is (PostgreSQL: the one database). */
    static long countOn(String h2Path, String sql, Object... params) {
        try (Connection c = connect(h2Path); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database check failed: " + e.getMessage(), e);
        }
    }

    static int execute(String sql, Object... params) {
        return executeOn(System.getProperty("latchkey.it.h2.path"), sql, params);
    }

    static int executeOn(String h2Path, String sql, Object... params) {
        try (Connection c = connect(h2Path); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database update failed: " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    static java.util.List<String> strings(String sql, Object... params) {
        try (Connection c = connect(System.getProperty("latchkey.it.h2.path")); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("database check failed: " + e.getMessage(), e);
        }
    }

    /** Every column of every row, as one text: to prove that a secret is stored nowhere in them. */
    static String rowsAsText(String sql, Object... params) {
        return rowsAsTextOn(System.getProperty("latchkey.it.h2.path"), sql, params);
    }

    static String rowsAsTextOn(String h2Path, String sql, Object... params) {
        try (Connection c = connect(h2Path); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        text.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('\n');
                    }
                }
            }
            return text.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("database check failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as text; null when there is no row. */
    static String string(String sql, Object... params) {
        java.util.List<String> values = strings(sql, params);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Runs a locking read ({@code select ... for update}) in a transaction that stays open, holding
     * its row locks as a stuck request or an operator's forgotten session would, until closed (rolled back).
     */
    static AutoCloseable holdLocks(String sql, Object... params) {
        try {
            Connection c = connect(System.getProperty("latchkey.it.h2.path"));
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        c.close();
                        throw new IllegalStateException("nothing to lock: " + sql);
                    }
                }
            }
            return () -> {
                c.rollback();
                c.close();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("database lock failed: " + e.getMessage(), e);
        }
    }

    static long tableSize(String table) {
        return count("select count(*) from " + table);
    }

    private static Connection connect(String path) throws SQLException {
        if ("postgres".equals(System.getenv("DB_KIND"))) {
            String url = "jdbc:postgresql://" + env("PG_HOST", "localhost") + ":" + env("PG_PORT", "5432") + "/"
                    + env("PG_DB", "latchkey");
            return DriverManager.getConnection(url, env("PG_USER", "latchkey"), env("PG_PASSWORD", ""));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
