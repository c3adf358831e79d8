package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.credentials.api.EnrollmentCeremonies;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/** {@code POST /api/account/upgrade/options}: conditional-create options for the automatic upgrade ({@link AutomaticUpgradeEndpoint}). */
@WebServlet("/api/account/upgrade/options")
public class UpgradeOptionsApi extends AutomaticUpgradeEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EnrollmentCeremonies enrollment;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postOffered(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s, UUID offer)
            throws IOException {
        exchange.readObject(request); // nothing to read but it is read strictly: {} or empty
        exchange.writeJson(response, 200, enrollment.startAutomaticUpgrade(s.accountId(),
                exchange.binding(request, response), ClientAddress.of(request)));
    }
}
