package dev.latchkey.app.web.operator;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.Permission;
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
 * invitations. Behind {@link StaffGate} ({@link Permission#INVITATIONS}: operators
 * and admins, after a ranked step-up); identity checks the permission again with the proof.
 */
@WebServlet(OperatorInvitationsPage.PATH)
public class OperatorInvitationsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/invitations";

    @Inject
    transient StaffGate gate;

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

    @Inject
    transient dev.latchkey.app.web.ReaderLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.INVITATIONS, PATH);
        if (staff.isEmpty()) {
            return;
        }
        render(request, response, 200, staff.get().session(), request.getParameter("sent") != null,
                request.getParameter("revoked") != null, "", "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.INVITATIONS, PATH);
        if (staff.isEmpty()) {
            return;
        }
        post(request, response, staff.get().session(), staff.get().proof());
    }

    /** {@code POST /operator/invitations} (form {@code email}): invites someone. */
    void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession session,
              StepUpProof operator) throws IOException {
        Optional<EmailAddress> email = EmailAddress.parse(request.getParameter("email"));
        if (email.isEmpty()) {
            render(request, response, 422, session, false, false, "",
                    "op.invitations.badAddress");
            return;
        }
        // The invited person has no account yet: the mail is in the language of the page that invited them.
        invitations.issue(operator, email.get(), settings.publicBaseUrl() + "/signup", language.of(request));
        response.sendRedirect(PATH + "?sent");
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status,
                Sessions.SignedInSession session, boolean sent, boolean revoked, String error,
                String emailError) throws IOException {
        views.render(request, response, status, new OperatorInvitationsView(sent, revoked, error, emailError,
                signUpPolicy.byInvitation(), !stepUp.satisfied(session.sessionId()), Paths.stepUp(PATH),
                invitations.pending().stream()
                        .map(i -> new OperatorInvitationsView.InvitationRow(i.id().toString(), i.email().value(),
                                i.createdAt(), i.expiresAt()))
                        .toList(), new Times(language.of(request))));
    }

    static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
