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

/** {@code /operator}: the console's home, linking to every page the staff member's roles allow. */
@WebServlet({"/operator", "/operator/"})
public class OperatorHome extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Every page of the console, with the permission that opens it. */
    private static final List<Entry> PAGES = List.of(
            new Entry(Permission.INSIGHTS, "/operator/insights", "insights"),
            new Entry(Permission.ACCOUNT_LOOKUP, "/operator/accounts", "accounts"),
            new Entry(Permission.ASSISTED_RECOVERY, "/operator/recovery", "recovery"),
            new Entry(Permission.INVITATIONS, "/operator/invitations", "invitations"),
            new Entry(Permission.MAIL_QUEUE, "/operator/mail", "mail"),
            new Entry(Permission.STAFF_ROLES, "/operator/roles", "roles"),
            new Entry(Permission.OIDC_CLIENTS, "/operator/clients", "clients"),
            new Entry(Permission.STAFF_AUDIT, "/operator/audit", "audit"));

    private record Entry(Permission permission, String href, String page) {
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
                links.add(new OperatorHomeView.Link(e.href(), e.page()));
            }
        }
        views.render(request, response, 200, new OperatorHomeView(
                staff.get().roles().stream().map(StaffRole::name).toList(), links));
    }
}
