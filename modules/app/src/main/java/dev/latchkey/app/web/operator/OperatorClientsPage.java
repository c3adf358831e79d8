package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Views;
import dev.latchkey.federation.api.RegisteredClients;
import dev.latchkey.identity.api.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /operator/clients}: the applications registered to sign their users in through Latchkey
 * (federation's {@link RegisteredClients}), read-only and without secrets. Behind {@link StaffGate}
 * ({@link Permission#OIDC_CLIENTS}, after a ranked step-up).
 */
@WebServlet(OperatorClientsPage.PATH)
public class OperatorClientsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/clients";

    @Inject
    transient StaffGate gate;

    @Inject
    transient RegisteredClients clients;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.OIDC_CLIENTS, PATH);
        if (staff.isPresent()) {
            views.render(request, response, 200, OperatorClientsView.of(clients.list(staff.get().proof())));
        }
    }
}
