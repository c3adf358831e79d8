package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Refusals;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.SignUpGate;
import dev.latchkey.identity.api.SignUpPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /signup}: email and display name, then the browser creates a passkey. The script posts
 * the form to {@code /api/signup/options}; this servlet's POST serves browsers without script,
 * checking the form and explaining that creating a passkey needs JavaScript.
 *
 * <p>In invitation mode, {@code /signup?invitation=TOKEN} (the mailed link) keeps the token in a
 * cookie and redirects to {@code /signup}, which then shows the form with the invited address;
 * without an invitation the page explains that one is needed ({@code ?operator} still shows the
 * form, for the operators' own accounts).
 */
@WebServlet("/signup")
public class SignUpPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient SignUpPolicy signUpPolicy;

    @Inject
    transient SignUpGate signUpGate;

    @Inject
    transient Invitations invitations;

    @Inject
    transient InvitedSignUp invitedSignUp;

    @Inject
    transient SignUpRefusals refusals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(Paths.ACCOUNT);
            return;
        }
        SignUpView page = new SignUpView("", "", Map.of(), false, false);
        if (signUpPolicy.byInvitation()) {
            String fromLink = request.getParameter("invitation");
            Optional<String> token = fromLink != null ? Optional.of(fromLink) : invitedSignUp.token(request);
            if (token.isPresent()) {
                Optional<EmailAddress> invited = invitations.usable(token.get());
                if (invited.isEmpty()) {
                    invitedSignUp.forget(response);
                    views.problem(request, response, 410, "INVITATION_UNUSABLE", UiText.of("signup.error.invitationUnusable"));
                    return;
                }
                if (fromLink != null) {
                    // The token leaves the address bar (history, screenshots) for an HttpOnly cookie.
                    invitedSignUp.remember(response, fromLink);
                    response.sendRedirect("/signup");
                    return;
                }
                page = new SignUpView(invited.get().value(), "", Map.of(), true, false);
            } else if (request.getParameter("operator") == null) {
                views.render(request, response, 200, new InvitationNeededView());
                return;
            }
        }
        views.render(request, response, 200, page);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Objects.requireNonNullElse(request.getParameter("email"), "");
        String displayName = Objects.requireNonNullElse(request.getParameter("displayName"), "");
        NewAccount.Validation checked = NewAccount.validate(email, displayName);
        Optional<String> token = invitedSignUp.token(request);
        Optional<SignUpGate.Refusal> refusal = checked.account().flatMap(a -> signUpGate.refusal(a.email(), token));
        Map<String, UiText> errors = refusal.map(r -> Map.of("email", refusals.of(r, token)))
                .orElseGet(() -> errors(checked));
        boolean valid = checked.valid() && refusal.isEmpty();
        views.render(request, response, valid ? 200 : refusal.map(SignUpGate.Refusal::status).orElse(422),
                new SignUpView(email.length() > 300 ? "" : email, displayName.length() > 300 ? "" : displayName,
                        errors, signUpPolicy.byInvitation() && token.isPresent(), valid));
    }

    /** The form's problems by field, as words for the page. */
    static Map<String, UiText> errors(NewAccount.Validation validation) {
        Map<String, UiText> errors = new java.util.LinkedHashMap<>();
        validation.problems().forEach((field, problem) -> errors.put(field, Refusals.of(problem)));
        return Map.copyOf(errors);
    }
}
