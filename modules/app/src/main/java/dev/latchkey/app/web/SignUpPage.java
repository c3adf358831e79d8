package dev.latchkey.app.web;

import dev.latchkey.identity.api.NewAccount;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /signup}: email and display name, then the browser creates a passkey. The script posts
 * the form to {@code /api/signup/options}; this servlet's POST serves browsers without script,
 * checking the form and explaining that creating a passkey needs JavaScript.
 */
@WebServlet("/signup")
public class SignUpPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient dev.latchkey.identity.api.SignUpPolicy signUpPolicy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(Paths.ACCOUNT);
            return;
        }
        views.render(request, response, 200, "signup", Map.of("email", "", "displayName", "", "errors", Map.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Objects.requireNonNullElse(request.getParameter("email"), "");
        String displayName = Objects.requireNonNullElse(request.getParameter("displayName"), "");
        NewAccount.Validation checked = NewAccount.validate(email, displayName);
        NewAccount.Validation validation = checked.account().filter(a -> !signUpPolicy.admits(a.email()))
                .map(a -> new NewAccount.Validation(java.util.Optional.empty(), Map.of("email", signUpPolicy.refusal())))
                .orElse(checked);
        Map<String, Object> model = new HashMap<>();
        model.put("email", email.length() > 300 ? "" : email);
        model.put("displayName", displayName.length() > 300 ? "" : displayName);
        model.put("errors", validation.errors());
        model.put("needsScript", validation.valid());
        views.render(request, response, validation.valid() ? 200 : 422, "signup", model);
    }
}
