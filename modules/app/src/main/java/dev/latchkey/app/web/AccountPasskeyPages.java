package dev.latchkey.app.web;

import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/step-up}: "Confirm it's you" with a passkey, then back to where the user was;
 * {@code /account/passkeys/new}: add a passkey on this device (after a recent step-up).
 * Signed-in users only (web.xml).
 */
@WebServlet({"/account/step-up", "/account/passkeys/new"})
public class AccountPasskeyPages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        if ("/account/step-up".equals(request.getServletPath())) {
            views.render(request, response, 200, "step-up", Map.of("next", Paths.safeNext(request.getParameter("next"))));
            return;
        }
        if (sharedDevices.isShared(request)) {
            views.render(request, response, 200, "add-passkey", Map.of("shared", true));
            return;
        }
        if (!stepUp.satisfied(session.get().sessionId())) {
            response.sendRedirect(Paths.stepUp("/account/passkeys/new"));
            return;
        }
        views.render(request, response, 200, "add-passkey", Map.of("shared", false));
    }
}
