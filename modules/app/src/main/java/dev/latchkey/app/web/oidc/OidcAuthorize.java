package dev.latchkey.app.web.oidc;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Views;
import dev.latchkey.federation.api.OpenIdProvider;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /oidc/authorize} (an application sends the person here) and {@code /oidc/authorize/continue}
 * (Latchkey's sign-in page returns here).
 */
@WebServlet({"/oidc/authorize", "/oidc/authorize/continue"})
public class OidcAuthorize extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdProvider provider;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = SessionCookieFilter.session(request).map(Sessions.SignedInSession::sessionId);
        OidcAnswers.write(views, request, response, request.getServletPath().endsWith("/continue")
                ? provider.resume(request.getParameter("id"), session)
                : provider.authorize(request.getQueryString(), session));
    }
}
