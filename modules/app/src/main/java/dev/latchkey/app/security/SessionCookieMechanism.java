package dev.latchkey.app.security;

import dev.latchkey.identity.api.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Restores the caller on every request from the session row behind the session cookie.
 *
 * <p>Deliberately without {@code @AutoApplySession}: the container keeps no login of its own
 * (no HttpSession, no LtpaToken2), so deleting the row signs the browser out on the very next
 * request, on every instance.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

    public static final String ROLE = "user";
    /** Request attribute holding the restored {@link Sessions.SignedInSession}. */
    public static final String SESSION_ATTRIBUTE = "latchkey.session";

    /** The session this request was restored from, if it is signed in. */
    public static java.util.Optional<Sessions.SignedInSession> session(HttpServletRequest request) {
        return java.util.Optional.ofNullable((Sessions.SignedInSession) request.getAttribute(SESSION_ATTRIBUTE));
    }

    @Inject
    Sessions sessions;

    @Inject
    Cookies cookies;

    @Inject
    dev.latchkey.app.config.LatchkeySettings settings;

    @Inject
    dev.latchkey.app.web.Views views;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // The mechanism runs before any filter: a forged Host must not reach the sign-in redirect below,
        // which Liberty makes absolute from the request's host (see HostCheckFilter).
        if (!HostCheckFilter.allowed(settings.allowedOrigins(), request.getHeader("Host"))) {
            try {
                HostCheckFilter.answerUnknownHost(settings.allowedOrigins(), views, request, response);
                response.flushBuffer();
            } catch (java.io.IOException gone) {
                // the client left
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        // No cookie, no lookup: static files and anonymous pages cost nothing.
        Optional<Sessions.SignedInSession> session;
        try {
            session = cookies.read(request, Cookies.SESSION).flatMap(sessions::resolve);
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            // We cannot tell whether this browser is signed in: neither anonymous (a redirect to
            // sign-in, or a 403) nor signed in is the truth. Answer 503 and let it try again.
            java.util.logging.Logger.getLogger(SessionCookieMechanism.class.getName()).warning(() ->
                    "Database unavailable while restoring a session on " + request.getRequestURI() + ": answered 503 ("
                            + DatabaseFaultFilter.rootMessage(e) + ")");
            try {
                DatabaseFaults.send(request, response, views);
                response.flushBuffer();
            } catch (java.io.IOException gone) {
                // the client left
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (session.isPresent()) {
            request.setAttribute(SESSION_ATTRIBUTE, session.get());
            return context.notifyContainerAboutLogin(session.get().accountId().toString(), Set.of(ROLE));
        }
        if (context.isProtected()) {
            String target = request.getRequestURI();
            return context.redirect("/signin?next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }
}
