package dev.latchkey.app.security;

import jakarta.annotation.Resource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a GET of a page that reads many modules (the account page: passkeys, password, devices,
 * sign-ins, recovery codes, coverage, the automatic upgrade) in one database transaction. Each module's
 * {@code @Transactional} method joins it instead of beginning and committing its own: PostgreSQL counted
 * 11.5 transactions per account page before (BENCHMARKS.md, "Transactions per request"), each one a
 * connection checkout and a commit. What the page records on the way (a card counted as shown) commits
 * with the page or not at all; methods that need their own transaction ({@code REQUIRES_NEW}) still get it.
 *
 * <p>Bounded like every wait: the transaction times out after {@link #TIMEOUT_SECONDS}. A commit that
 * fails before the response went out escapes as the exception it is, so {@link DatabaseFaultFilter}
 * answers 503 for a database fault.
 */
public class PageTransactionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PageTransactionFilter.class.getName());
    static final int TIMEOUT_SECONDS = 20;

    @Resource
    transient UserTransaction transaction;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            transaction.setTransactionTimeout(TIMEOUT_SECONDS);
            transaction.begin();
        } catch (jakarta.transaction.NotSupportedException | SystemException e) {
            throw new ServletException("cannot begin the page's transaction", e);
        }
        boolean done = false;
        try {
            chain.doFilter(request, response);
            if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                transaction.rollback();
            } else {
                transaction.commit();
            }
            done = true;
        } catch (jakarta.transaction.RollbackException | jakarta.transaction.HeuristicMixedException
                 | jakarta.transaction.HeuristicRollbackException | SystemException e) {
            done = true;
            throw new ServletException("the page's transaction did not commit", e);
        } finally {
            if (!done) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "could not roll the page's transaction back", e);
        }
    }
}
