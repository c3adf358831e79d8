package dev.latchkey.app.web.account;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /api/account/stepup/options}: request options for "Confirm it's you" with one of the account's passkeys. */
@WebServlet("/api/account/stepup/options")
public class StepUpOptionsApi extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        exchange.readObject(request); // nothing to read but it is read strictly: {} or empty
        exchange.writeJson(response, 200,
                ceremonies.startStepUp(s.accountId(), exchange.binding(request, response), ClientAddress.of(request)));
    }
}
