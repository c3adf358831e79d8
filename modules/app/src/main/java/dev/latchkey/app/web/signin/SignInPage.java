package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.Views;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /signin}: passkey autofill plus a "Sign in with a passkey" button; no username needed. */
@WebServlet("/signin")
public class SignInPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        // "again": an application asked for a fresh sign-in (prompt=login, max_age) or a passkey
        // (acr phr) although this browser is signed in; the page shows itself instead of moving on.
        String again = request.getParameter("again");
        if (request.getUserPrincipal() != null && again == null) {
            response.sendRedirect(next);
            return;
        }
        // login_hint of an application: pre-fills the address fields, nothing more.
        String hint = dev.latchkey.identity.api.EmailAddress.parse(
                request.getParameter("hint") == null ? "" : request.getParameter("hint").strip())
                .map(dev.latchkey.identity.api.EmailAddress::value).orElse(null);
        views.render(request, response, 200, SignInView.page(next, request.getParameter("signedOut") != null,
                sharedDevices.isShared(request), sharedDevices.inSharedNetwork(ClientAddress.of(request)), hint,
                "passkey".equals(again)));
    }
}
