package dev.latchkey.app.web.recovery;

import dev.latchkey.app.web.BrowserContext;
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

/** {@code POST /api/recover/finish {token, credential, client}}: stores the new passkey; no session is made. */
@WebServlet("/api/recover/finish")
public class RecoveryFinishApi extends RecoveryEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AssistedRecovery recovery;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void postRecovery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = exchange.readBody(request);
        Map<?, ?> body = exchange.parseObject(raw);
        CeremonyExchange.FinishRequest finish = exchange.finishFrom(request, body);
        boolean shared = sharedDevices.isShared(request);
        recovery.finish(token(body), finish.credentialJson(), exchange.existingBinding(request), shared,
                BrowserContext.describe(request, Map.of(), shared), ClientAddress.of(request));
        exchange.writeJson(response, 200, Map.of("created", true));
    }
}
