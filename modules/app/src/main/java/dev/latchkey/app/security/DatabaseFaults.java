package dev.latchkey.app.security;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Failures that are the database's, not ours: it is unreachable, restarting, out of connections, or
 * gave up on a statement or a lock after its timeout. A retry later can succeed, so the user gets
 * {@code 503 Service Unavailable} with {@code Retry-After} (RFC 9110 §15.6.4, §10.2.3) and a readable
 * answer, never a 500 or a 403. Constraint violations and SQL errors are bugs: those stay 500.
 */
public final class DatabaseFaults {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** Request attribute: this request already met a database fault (set where it cannot answer itself). */
    public static final String ATTRIBUTE = "latchkey.databaseFault";
    static final String REASON = "DATABASE_UNAVAILABLE";
    static final String MESSAGE = "Latchkey cannot reach its database right now. Please try again in a moment.";

    /**
     * SQLState classes and codes (SQL standard, PostgreSQL Appendix A, H2's error codes) that mean
     * "not now" rather than "wrong": connection exceptions (08), insufficient resources (53, e.g.
     * too_many_connections), operator intervention (57: query_canceled by statement_timeout,
     * admin_shutdown, cannot_connect_now), transaction rollback (40: serialization failure,
     * deadlock), lock_not_available (55P03, lock_timeout), idle_in_transaction_session_timeout (25P03),
     * and H2's timeout (HYT00, e.g. LOCK_TIMEOUT).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "40");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "25P03", "HYT00", "HY008");

    private DatabaseFaults() {
    }

    /** Whether {@code error}, or anything in its cause chain, is a database fault as defined above. */
    public static boolean isDatabaseFault(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Answers 503 with Retry-After: problem details JSON (RFC 9457, with the {@code error} member the
     * page scripts show) for scripts and {@code /api}, a short readable page otherwise, in the reader's language
     * ({@code problem.database.*}). The words come from the message bundle, which needs no database; should even
     * that fail (or {@code views} be absent), the answer is the English below: the 503 always renders.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, dev.latchkey.app.web.Views views)
            throws IOException {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Words words = words(request, views);
        response.setHeader("Content-Language", words.lang());
        if (Problems.wantsJson(request)) {
            response.setContentType("application/problem+json");
            response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                    .add("type", "about:blank")
                    .add("title", "Service Unavailable")
                    .add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    .add("detail", words.message())
                    .add("reason", REASON)
                    .add("error", words.message())
                    .build().toString());
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!doctype html><html lang=\"" + Problems.escape(words.lang()) + "\"><head>"
                    + "<meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + Problems.escape(words.title()) + "</title>"
                    + "<link rel=\"stylesheet\" href=\"/static/css/latchkey.css\"></head>"
                    + "<body><main class=\"card\"><h1>" + Problems.escape(words.heading()) + "</h1>"
                    + "<p>" + Problems.escape(words.page()) + "</p></main></body></html>");
        }
    }

    /** The 503's words: the language tag, the page's title, heading and sentence, and the scripts' message. */
    record Words(String lang, String title, String heading, String page, String message) {
        static final Words ENGLISH = new Words("en", "Try again in a moment - Latchkey", "Latchkey is briefly unavailable",
                "We cannot reach our database right now. Please try again in a moment (reload this page in a few seconds).",
                MESSAGE);
    }

    static Words words(HttpServletRequest request, dev.latchkey.app.web.Views views) {
        if (views == null) {
            return Words.ENGLISH;
        }
        try {
            java.util.Locale locale = views.language(request);
            return new Words(locale.toLanguageTag(),
                    views.text(locale, request, dev.latchkey.app.web.UiText.of("problem.database.title")),
                    views.text(locale, request, dev.latchkey.app.web.UiText.of("problem.database.heading")),
                    views.text(locale, request, dev.latchkey.app.web.UiText.of("problem.database.page")),
                    views.text(locale, request, dev.latchkey.app.web.UiText.of("problem.database.message")));
        } catch (RuntimeException e) {
            return Words.ENGLISH;
        }
    }
}
