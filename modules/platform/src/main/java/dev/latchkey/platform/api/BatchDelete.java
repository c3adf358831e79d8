package dev.latchkey.platform.api;

import jakarta.persistence.EntityManager;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.Objects;

/**
 * Deletes a table's ended rows in batches of {@link #BATCH}, each batch its own short transaction, so
 * that a purge never holds a long lock on a busy table (OWASP ASVS 4.0.3 V8.3.8: sensitive data deleted
 * on a schedule). Every module's purge runs on a managed scheduled thread, which has no transaction of
 * its own; two instances deleting the same rows do no harm.
 *
 * <p>Table, key and condition are SQL written by the calling module as constants, never input.
 */
public final class BatchDelete {

    /** Rows per transaction. */
    public static final int BATCH = 500;

    /** Batches per {@link #deleteAll} call at most; the next round of the schedule goes on. */
    static final int MAX_ROUNDS = 1000;

    private final EntityManager em;
    private final UserTransaction transaction;

    public BatchDelete(EntityManager em, UserTransaction transaction) {
        this.em = Objects.requireNonNull(em);
        this.transaction = Objects.requireNonNull(transaction);
    }

    /**
     * Deletes every row of {@code table} matching {@code ended}, batch by batch.
     *
     * @param key a column that identifies a row (the primary key)
     * @param ended the SQL condition of an ended row, judged by the database clock
     * @return how many rows were deleted
     */
    public long deleteAll(String table, String key, String ended) {
        long total = 0;
        int deleted;
        int rounds = 0;
        do {
            deleted = deleteBatch(table, key, ended);
            total += deleted;
            rounds++;
        } while (deleted == BATCH && rounds < MAX_ROUNDS);
        return total;
    }

    /** One batch in a transaction of its own. */
    public int deleteBatch(String table, String key, String ended) {
        try {
            transaction.begin();
            try {
                int deleted = em.createNativeQuery("delete from " + table + " where " + key + " in (select " + key
                        + " from " + table + " where " + ended + " limit " + BATCH + ")").executeUpdate();
                transaction.commit();
                return deleted;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (NotSupportedException | SystemException | RollbackException | HeuristicMixedException
                 | HeuristicRollbackException e) {
            throw new IllegalStateException("purge batch on " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** SQL for "longer ago than {@code d}", by the database clock. */
    public static String ago(java.time.Duration d) {
        return "current_timestamp - interval '" + d.toSeconds() + "' second";
    }
}
