package dev.latchkey.app.web.handoff;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/handoff/finish {token, credential, client}}: stores the passkey pending and returns the 6-digit pairing code. */
@WebServlet("/api/handoff/finish")
public class HandoffFinishApi extends HandoffEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient Cookies cookies;

    @Override
    protected void postHandoff(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = exchange.readBody(request);
        Map<?, ?> body = exchange.parseObject(raw);
        CeremonyExchange.FinishRequest finish = exchange.finishFrom(request, body);
        Optional<DeviceKey> device = cookies.read(request, Cookies.DEVICE).flatMap(DeviceKey::parse);
        String code = handoffs.finish(token(body), finish.credentialJson(), exchange.existingBinding(request),
                device, dev.latchkey.app.web.BrowserContext.describe(request, Map.of(), false), ClientAddress.of(request));
        exchange.writeJson(response, 200, Map.of("code", code));
    }
}
