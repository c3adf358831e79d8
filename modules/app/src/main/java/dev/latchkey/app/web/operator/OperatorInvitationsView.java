package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import java.time.Instant;
import java.util.List;

/**
 * The view model of {@code operator-invitations}: the pending invitations, the notices after sending
 * or withdrawing one, and the form's errors as message keys (empty when none).
 *
 * @param byInvitation   sign-up is by invitation only in this deployment
 * @param stepUpNeeded   the forms lead through step-up first, at {@code stepUpPath}
 */
public record OperatorInvitationsView(boolean sent, boolean revoked, String error, String emailError,
                                      boolean byInvitation, boolean stepUpNeeded, String stepUpPath,
                                      List<InvitationRow> invitations, Times when) implements PageView {

    @Override
    public String template() {
        return "operator-invitations";
    }

    /** A pending invitation as listed. */
    public record InvitationRow(String id, String email, Instant sent, Instant expires) {
    }
}
