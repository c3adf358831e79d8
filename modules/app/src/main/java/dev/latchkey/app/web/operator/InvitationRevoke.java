package dev.latchkey.app.web.operator;

import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /operator/invitations/revoke} (form {@code invitation}): withdraws a pending invitation
 * ({@link OperatorInvitationsPage}, whose page a GET shows; the same operator check and step-up).
 */
@WebServlet(OperatorInvitationsPage.PATH + "/revoke")
public class InvitationRevoke extends OperatorInvitationsPage {
    private static final long serialVersionUID = 1L;

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession session,
              StepUpProof operator) throws IOException {
        Optional<UUID> id = uuid(request.getParameter("invitation"));
        if (id.isEmpty() || !invitations.revoke(operator, id.get())) {
            render(request, response, 422, session, false, false,
                    "op.invitations.cannotWithdraw", "");
            return;
        }
        response.sendRedirect(PATH + "?revoked");
    }
}
