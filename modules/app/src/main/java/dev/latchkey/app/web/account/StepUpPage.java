package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /account/step-up}: "Confirm it's you" with a passkey, then back to where the user was.
 * Signed-in users only (web.xml).
 */
@WebServlet("/account/step-up")
public class StepUpPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SessionCookieMechanism.session(request).isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        views.render(request, response, 200, new StepUpView(Paths.safeNext(request.getParameter("next")),
                StepUpView.purpose(request.getParameter("for"))));
    }
}
