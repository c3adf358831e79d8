package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.EmailAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /signin/continue} (form {@code email}, {@code next}): the second step of the identifier-first
 * sign-in, the ways to sign in for that address. Deliberately no call on identity: what the page offers depends
 * on the deployment's switches only, never on whether an account uses the address, so the page (content, status,
 * timing) reveals nothing about accounts. A GET goes back to {@code /signin}.
 */
@WebServlet("/signin/continue")
public class SignInContinue extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/signin");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        String typed = request.getParameter("email");
        Optional<EmailAddress> email = EmailAddress.parse(typed);
        boolean shared = sharedDevices.isShared(request);
        if (email.isEmpty()) {
            views.render(request, response, 422, SignInView.emailRefused(next, shared,
                    sharedDevices.inSharedNetwork(ClientAddress.of(request)), typed,
                    dev.latchkey.app.web.UiText.of("signin.error.email")));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        views.render(request, response, 200, SignInMethodsView.choices(email.get().value(), next, shared));
    }
}
