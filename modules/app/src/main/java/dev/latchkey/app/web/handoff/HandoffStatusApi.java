package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /api/handoff/status {token}}: tells the claiming browser whether the user paired it,
 * and only then the user details for {@code PublicKeyCredential.signalCurrentUserDetails}.
 */
@WebServlet("/api/handoff/status")
public class HandoffStatusApi extends HandoffEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postHandoff(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = exchange.readObject(request);
        Handoffs.Device2View view = handoffs.device2(token(body), exchange.existingBinding(request),
                ClientAddress.of(request));
        Map<String, Object> answer = new HashMap<>();
        answer.put("state", view.state().name());
        view.details().ifPresent(d -> answer.put("user", Map.of("userId", d.userId(), "name", d.name(),
                "displayName", d.displayName())));
        exchange.writeJson(response, 200, answer);
    }
}
