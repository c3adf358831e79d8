package dev.latchkey.app.security;

import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Restores the caller on every request from the session row behind the session cookie, and sends a
 * visitor without one from the signed-in pages to sign-in.
 *
 * <p>The container keeps no login of its own (no HttpSession, no LtpaToken2, no authentication
 * cache), so deleting the row signs the browser out on the very next request, on every instance.
 * A signed-in request reaches the servlets wrapped: {@code getUserPrincipal()} names the account,
 * {@code isUserInRole("user")} holds.
 *
 * <p>A filter, not a Jakarta Security mechanism: Liberty looked a mechanism up with
 * {@code CDI.current()} twice per request, and found its bean manager by walking the whole stack,
 * then logged the caller into JAAS with a new LTPA token: 15 % of a passkey sign-in's profile samples
 * and over a quarter of the sign-in page's (BENCHMARKS.md, change 11). Mapped in web.xml after the
 * Host and database-fault filters (a fault reading the session is a 503 there) and before every
 * filter and servlet that asks who is signed in.
 */
public class SessionCookieFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "user";
    /** Request attribute holding the restored {@link Sessions.SignedInSession}. */
    public static final String SESSION_ATTRIBUTE = "latchkey.session";
    /** The pages only a signed-in visitor sees; anyone else is sent to sign in first, then back. */
    static final List<String> SIGNED_IN_ONLY = List.of("/account", "/operator");

    /** The session this request was restored from, if it is signed in. */
    public static Optional<Sessions.SignedInSession> session(HttpServletRequest request) {
        return Optional.ofNullable((Sessions.SignedInSession) request.getAttribute(SESSION_ATTRIBUTE));
    }

    @Inject
    transient Sessions sessions;

    @Inject
    transient Cookies cookies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // An error page for this request: the session was read already (or there was none).
            chain.doFilter(session(request).<HttpServletRequest>map(s -> new SignedIn(request, s)).orElse(request), response);
            return;
        }
        // No cookie, no lookup: static files and anonymous pages cost nothing. A database fault here
        // goes to DatabaseFaultFilter (a 503): we cannot tell whether this browser is signed in, and
        // neither anonymous nor signed in would be the truth.
        Optional<Sessions.SignedInSession> session = cookies.read(request, Cookies.SESSION).flatMap(sessions::resolve);
        if (session.isPresent()) {
            request.setAttribute(SESSION_ATTRIBUTE, session.get());
            chain.doFilter(new SignedIn(request, session.get()), response);
            return;
        }
        if (signedInOnly(path(request))) {
            response.sendRedirect("/signin?next="
                    + java.net.URLEncoder.encode(request.getRequestURI(), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a path is one of {@link #SIGNED_IN_ONLY} or under it, as a servlet path-prefix mapping
     * ({@code /account/*}) matches. The path is the container's decoded and normalised one, the path
     * it dispatches by: {@code /%61ccount/} or {@code /x/../account/} cannot slip past.
     */
    static boolean signedInOnly(String path) {
        return SIGNED_IN_ONLY.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /** The signed-in account, named by its id. */
    record Caller(UUID account) implements Principal {
        @Override
        public String getName() {
            return account.toString();
        }
    }

    /** A signed-in request: the account is the caller the servlets see. */
    static final class SignedIn extends HttpServletRequestWrapper {
        private final Principal caller;

        SignedIn(HttpServletRequest request, Sessions.SignedInSession session) {
            super(request);
            this.caller = new Caller(session.accountId());
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role);
        }

        @Override
        public String getAuthType() {
            return "LATCHKEY_SESSION";
        }
    }
}
