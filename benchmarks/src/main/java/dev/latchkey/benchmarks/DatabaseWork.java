package dev.latchkey.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the servers asked of PostgreSQL, from its own counters ({@code pg_stat_database} for the
 * benchmark's database): transactions committed and rolled back, rows read, inserted, updated and
 * deleted. Unlike CPU time and latency these do not move with the machine's load, so a change that
 * saves a transaction or a query per request shows in them exactly, on a busy machine too.
 *
 * <p>PostgreSQL publishes a backend's counters when its transaction ends and at most about once a
 * second while it idles; {@link #sample()} waits for that. Background jobs (mail delivery, purges)
 * count too: {@link LoadRun} reports their idle rate next to the figures.
 */
final class DatabaseWork {

    /** Counter values at one moment. */
    record Sample(long commits, long rollbacks, long rowsReturned, long rowsFetched, long inserted, long updated,
                  long deleted) {
        Sample minus(Sample earlier) {
            return new Sample(commits - earlier.commits, rollbacks - earlier.rollbacks,
                    rowsReturned - earlier.rowsReturned, rowsFetched - earlier.rowsFetched,
                    inserted - earlier.inserted, updated - earlier.updated, deleted - earlier.deleted);
        }

        /** Per request, minus the one transaction of the sample's own query. */
        String per(int count) {
            return String.format(Locale.ROOT, "%.2f transactions committed (%.2f rolled back), %.1f rows fetched"
                            + " by index (%.1f returned by scans), %.2f inserted, %.2f updated, %.2f deleted",
                    (commits - 1) / (double) count, rollbacks / (double) count, rowsFetched / (double) count,
                    rowsReturned / (double) count, inserted / (double) count, updated / (double) count,
                    deleted / (double) count);
        }
    }

    private static final long PUBLISHED_MILLIS = 1_500;

    private final String url;
    private final String user;

    DatabaseWork(String url, String user) {
        this.url = url;
        this.user = user;
    }

    boolean available() {
        return url != null;
    }

    Sample sample() {
        try {
            Thread.sleep(PUBLISHED_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select xact_commit, xact_rollback, tup_returned, tup_fetched,"
                     + " tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()")) {
            r.next();
            return new Sample(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                    r.getLong(7));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_database: " + e.getMessage(), e);
        }
    }
}
