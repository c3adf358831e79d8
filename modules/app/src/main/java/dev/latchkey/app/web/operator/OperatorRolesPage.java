package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StaffRoles;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /operator/roles} (admins, behind {@link StaffGate}'s step-up): who is staff, and granting or
 * revoking the operator and agent roles beyond configuration. {@code POST /operator/roles/grant} (form
 * {@code email}, {@code role}) and {@code POST /operator/roles/revoke} (form {@code account}, {@code role})
 * make one call on identity's {@link StaffRoles}, which checks the permission again and audits.
 */
@WebServlet({OperatorRolesPage.PATH, OperatorRolesPage.PATH + "/grant", OperatorRolesPage.PATH + "/revoke"})
public class OperatorRolesPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/roles";

    @Inject
    transient StaffGate gate;

    @Inject
    transient StaffRoles roles;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admitPage(request, response, Permission.STAFF_ROLES, PATH);
        if (staff.isEmpty()) {
            return;
        }
        String done = request.getParameter("granted") != null ? "op.roles.granted"
                : request.getParameter("revoked") != null ? "op.roles.revoked" : null;
        render(request, response, 200, staff.get().proof(), null, done, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (path.equals(PATH)) {
            response.setHeader("Allow", "GET");
            response.sendError(405);
            return;
        }
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.STAFF_ROLES, PATH);
        if (staff.isEmpty()) {
            return;
        }
        StepUpProof proof = staff.get().proof();
        Optional<StaffRole> role = Arrays.stream(StaffRole.values())
                .filter(r -> r.name().equals(request.getParameter("role"))).findFirst();
        String email = Optional.ofNullable(request.getParameter("email")).orElse("");
        try {
            if (path.endsWith("/grant")) {
                roles.grant(proof, email, role.orElse(null));
                response.sendRedirect(PATH + "?granted");
            } else {
                roles.revoke(proof, uuid(request.getParameter("account")).orElse(null), role.orElse(null));
                response.sendRedirect(PATH + "?revoked");
            }
        } catch (StaffRoles.Refused e) {
            int status = switch (e.reason()) {
                case INVALID, NOT_GRANTABLE -> 422;
                case NOT_FOUND -> 404;
                case ALREADY_HELD, NOT_GRANTED -> 409;
            };
            render(request, response, status, proof, refusal(e.reason(), path.endsWith("/grant"), email, role),
                    null, email.length() > 254 ? "" : email);
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, StepUpProof proof,
                        UiText error, String notice, String email) throws IOException {
        List<OperatorRolesView.Row> rows = roles.members(proof).stream().map(m -> new OperatorRolesView.Row(
                m.accountId().toString(), m.email(), m.configured().stream().map(StaffRole::name).toList(),
                m.granted().stream().map(StaffRole::name).toList())).toList();
        views.render(request, response, status, new OperatorRolesView(error, notice, email, rows));
    }

    /**
     * A refusal in the reader's language ({@code op.roles.refused.*}): identity's reason, and what the admin
     * asked for (a missing account when granting, a missing grant when revoking).
     */
    static UiText refusal(StaffRoles.Refused.Reason reason, boolean grant, String email, Optional<StaffRole> role) {
        return switch (reason) {
            case INVALID -> UiText.of("op.roles.refused.INVALID");
            case NOT_GRANTABLE -> UiText.of("op.roles.refused.NOT_GRANTABLE");
            case NOT_FOUND -> UiText.of(grant ? "op.roles.refused.NOT_FOUND.account" : "op.roles.refused.NOT_FOUND.grant");
            case ALREADY_HELD -> UiText.of("op.roles.refused.ALREADY_HELD." + role.map(StaffRole::name).orElse("AGENT"),
                    email.strip());
            case NOT_GRANTED -> UiText.of("op.roles.refused.NOT_GRANTED");
        };
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
