package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.StaffRole;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /operator}: the console's home, linking to every page the staff member's roles allow. */
@WebServlet({"/operator", "/operator/"})
public class OperatorHome extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Every page of the console, with the permission that opens it. */
    private static final List<Entry> PAGES = List.of(
            new Entry(Permission.INSIGHTS, "/operator/insights", "Insights",
                    "Passkey adoption, multi-device coverage, sign-in methods and fallbacks, nudge funnels."),
            new Entry(Permission.ACCOUNT_LOOKUP, "/operator/accounts", "Accounts",
                    "Find an account: its devices, passkeys, coverage and sign-ins (every lookup is recorded)."),
            new Entry(Permission.ASSISTED_RECOVERY, "/operator/recovery", "Assisted recoveries",
                    "Recoveries waiting for your approval, and the latest ones (start one from an account's page)."),
            new Entry(Permission.INVITATIONS, "/operator/invitations", "Invitations",
                    "Invite people by email and withdraw pending invitations."),
            new Entry(Permission.MAIL_QUEUE, "/operator/mail", "Mail delivery",
                    "Messages waiting to be sent and dead letters."),
            new Entry(Permission.STAFF_ROLES, "/operator/roles", "Staff roles",
                    "Grant or revoke the operator and branch agent roles beyond the deployment's settings."),
            new Entry(Permission.OIDC_CLIENTS, "/operator/clients", "Applications",
                    "The applications that sign their users in through Latchkey (OpenID Connect), read-only."),
            new Entry(Permission.STAFF_AUDIT, "/operator/audit", "Staff actions",
                    "Who looked up which account, who started or approved a recovery, and who rebuilt the figures."));

    private record Entry(Permission permission, String href, String title, String description) {
    }

    @Inject
    transient StaffGate gate;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.CONSOLE, "/operator");
        if (staff.isEmpty()) {
            return;
        }
        List<OperatorHomeView.Link> links = new ArrayList<>();
        for (Entry e : PAGES) {
            if (staff.get().may(e.permission())) {
                links.add(new OperatorHomeView.Link(e.href(), e.title(), e.description()));
            }
        }
        views.render(request, response, 200, new OperatorHomeView(
                staff.get().roles().stream().map(StaffRole::words).collect(Collectors.joining(", ")), links));
    }
}
