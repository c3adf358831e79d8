package dev.latchkey.app.web.operator;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.security.Problems;
import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.When;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.Operators;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignUpPolicy;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /operator/invitations}: operators invite people by email and withdraw pending
 * invitations. Signed-in users only (web.xml); anyone else who is signed in gets a 403. Sending
 * and withdrawing need a ranked step-up, as every sensitive action does.
 */
@WebServlet(OperatorInvitationsPage.PATH)
public class OperatorInvitationsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/invitations";

    @Inject
    transient Operators operators;

    @Inject
    transient Invitations invitations;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient SignUpPolicy signUpPolicy;

    @Inject
    transient LatchkeySettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = operatorSession(request, response);
        if (session.isEmpty()) {
            return;
        }
        render(request, response, 200, session.get(), request.getParameter("sent") != null,
                request.getParameter("revoked") != null, "", "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = operatorSession(request, response);
        if (session.isEmpty()) {
            return;
        }
        Optional<StepUpProof> operator = stepUp.proof(session.get().sessionId());
        if (operator.isEmpty()) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        post(request, response, session.get(), operator.get());
    }

    /** {@code POST /operator/invitations} (form {@code email}): invites someone. */
    void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession session,
              StepUpProof operator) throws IOException {
        Optional<EmailAddress> email = EmailAddress.parse(request.getParameter("email"));
        if (email.isEmpty()) {
            render(request, response, 422, session, false, false, "",
                    "Enter the address to invite, like name@example.com.");
            return;
        }
        invitations.issue(operator, email.get(), settings.publicBaseUrl() + "/signup");
        response.sendRedirect(PATH + "?sent");
    }

    /** The signed-in operator's session, or an answer already sent (sign-in redirect, 403). */
    private Optional<Sessions.SignedInSession> operatorSession(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin?next=" + PATH);
            return Optional.empty();
        }
        if (!operators.isOperator(session.get().accountId())) {
            Problems.send(response, 403, "NOT_AN_OPERATOR", "Only the operators of this service can use this page.",
                    request);
            return Optional.empty();
        }
        return session;
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status,
                Sessions.SignedInSession session, boolean sent, boolean revoked, String error,
                String emailError) throws IOException {
        views.render(request, response, status, new OperatorInvitationsView(sent, revoked, error, emailError,
                signUpPolicy.byInvitation(), !stepUp.satisfied(session.sessionId()), Paths.stepUp(PATH),
                invitations.pending().stream()
                        .map(i -> new OperatorInvitationsView.InvitationRow(i.id().toString(), i.email().value(),
                                When.shown(i.createdAt()), When.shown(i.expiresAt())))
                        .toList()));
    }

    static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
