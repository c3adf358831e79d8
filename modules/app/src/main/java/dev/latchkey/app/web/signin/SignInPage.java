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
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(next);
            return;
        }
        views.render(request, response, 200, SignInView.page(next, request.getParameter("signedOut") != null,
                sharedDevices.isShared(request), sharedDevices.inSharedNetwork(ClientAddress.of(request))));
    }
}
