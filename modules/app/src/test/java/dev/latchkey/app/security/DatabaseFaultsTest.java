package dev.latchkey.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the database's (answered 503, try again) and which are ours (a 500 that a
 * retry would not cure). Wrapped as the container wraps them: JPA around the driver's SQLException,
 * CDI's transaction interceptor around that.
 */
class DatabaseFaultsTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("interceptor", new PersistenceException("jpa", cause));
    }

    @Test
    void unreachableOrBrokenConnectionsAreDatabaseFaults() {
        // PostgreSQL: connection refused (08001), connection failure (08006); Liberty's pool wait timeout.
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLTransientConnectionException("J2CA0045E")))).isTrue();
        // too_many_connections, admin_shutdown (a restart), cannot_connect_now (starting up)
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("too many", "53300")))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("starting", "57P03")))).isTrue();
    }

    @Test
    void timeoutsAndLockConflictsAreDatabaseFaults() {
        // statement_timeout (57014), lock_timeout (55P03), idle_in_transaction_session_timeout (25P03),
        // serialization failure and deadlock (40001, 40P01), H2's lock timeout (HYT00)
        for (String state : new String[] {"57014", "55P03", "25P03", "40001", "40P01", "HYT00"}) {
            assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("timeout", state)))).as(state).isTrue();
        }
        assertThat(DatabaseFaults.isDatabaseFault(new LockTimeoutException("lock"))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(new PessimisticLockException("lock"))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNotDatabaseFaults() {
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(wrapped(new SQLException("no state")))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(new IllegalArgumentException("bug"))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(null)).isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        SQLException a = new SQLException("a", "23505");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseFaults.isDatabaseFault(b)).isFalse();
    }
}
