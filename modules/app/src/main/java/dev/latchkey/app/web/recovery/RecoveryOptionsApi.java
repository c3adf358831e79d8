package dev.latchkey.app.web.recovery;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.insights.api.AssistedRecovery;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code POST /api/recover/options {token}}: claims the link for this browser and returns creation options. */
@WebServlet("/api/recover/options")
public class RecoveryOptionsApi extends RecoveryEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AssistedRecovery recovery;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void postRecovery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = exchange.readObject(request);
        exchange.writeJson(response, 200, recovery.options(token(body), exchange.binding(request, response),
                sharedDevices.isShared(request), ClientAddress.of(request)));
    }
}
