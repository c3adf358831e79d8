package dev.latchkey.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a database fault ({@link DatabaseFaults}) that escapes a servlet into 503 + Retry-After with a
 * readable page or problem JSON, instead of the container's 500. Mapped right after the security
 * headers, before anything that may touch the database. The transaction of the failed request was
 * rolled back by the container; a retry starts afresh.
 */
public class DatabaseFaultFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseFaultFilter.class.getName());

    @jakarta.inject.Inject
    transient dev.latchkey.app.web.Views views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR && !response.isCommitted()
                && (Boolean.TRUE.equals(request.getAttribute(DatabaseFaults.ATTRIBUTE))
                    || DatabaseFaults.isDatabaseFault((Throwable) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION)))) {
            // The container turned a database fault into an error status of its own: answer what it
            // really is.
            DatabaseFaults.send(request, response, views);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e) || response.isCommitted()) {
                throw e;
            }
            // One line, no stack: an outage would otherwise fill the log with identical traces.
            LOG.log(Level.WARNING, () -> "Database unavailable on " + request.getMethod() + " " + request.getRequestURI()
                    + ": answered 503 (" + rootMessage(e) + ")");
            DatabaseFaults.send(request, response, views);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
