package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.MailQueue;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /operator/mail}: the mail queue for operators (identity's {@link MailQueue}): how much
 * waits, and the dead letters (recipient masked, no code or link) with "Send again". Behind
 * {@link StaffGate} ({@link Permission#MAIL_QUEUE}, after a ranked step-up).
 */
@WebServlet({OperatorMailPage.PATH, OperatorMailPage.PATH + "/retry"})
public class OperatorMailPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/mail";

    @Inject
    transient StaffGate gate;

    @Inject
    transient MailQueue mail;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient ReaderLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.MAIL_QUEUE, PATH);
        if (staff.isPresent()) {
            render(request, response, 200, staff.get().session(), request.getParameter("retried") != null, "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.MAIL_QUEUE, PATH);
        if (staff.isEmpty()) {
            return;
        }
        if (!request.getServletPath().endsWith("/retry")) {
            views.problem(request, response, 405, "METHOD_NOT_ALLOWED", dev.latchkey.app.web.UiText.of("op.mail.getOnly"));
            return;
        }
        Optional<UUID> id = uuid(request.getParameter("message"));
        if (id.isEmpty() || !mail.retry(staff.get().proof(), id.get())) {
            render(request, response, 422, staff.get().session(), false,
                    "op.mail.cannotRetry");
            return;
        }
        response.sendRedirect(PATH + "?retried");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status,
                        Sessions.SignedInSession session, boolean retried, String error) throws IOException {
        views.render(request, response, status, new OperatorMailView(retried, error,
                !stepUp.satisfied(session.sessionId()), Paths.stepUp(PATH), mail.summary(),
                mail.deadLetters(50).stream()
                        .map(d -> new OperatorMailView.DeadLetterRow(d.id().toString(), d.maskedRecipient(), d.subject(),
                                d.attempts(), d.lastError(), d.deadAt()))
                        .toList(), new Times(language.of(request))));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
