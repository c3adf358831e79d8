package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Paths;
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
import java.util.stream.Collectors;

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
        String done = request.getParameter("granted") != null ? "The role was granted."
                : request.getParameter("revoked") != null ? "The role was revoked." : null;
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
            render(request, response, status, proof, e.getMessage(), null, email.length() > 254 ? "" : email);
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, StepUpProof proof,
                        String error, String notice, String email) throws IOException {
        List<OperatorRolesView.Row> rows = roles.members(proof).stream().map(m -> new OperatorRolesView.Row(
                m.accountId().toString(), m.email(),
                m.configured().stream().map(StaffRole::words).collect(Collectors.joining(", ")),
                m.granted().stream().map(r -> new OperatorRolesView.Grant(r.name(), r.words())).toList())).toList();
        views.render(request, response, status, new OperatorRolesView(error, notice, email, rows));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
