package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/handoff/options {token}}: claims the link for this browser (its ceremony cookie)
 * and returns creation options without email, name or credential ids.
 */
@WebServlet("/api/handoff/options")
public class HandoffOptionsApi extends HandoffEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postHandoff(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = exchange.readObject(request);
        exchange.writeJson(response, 200, handoffs.options(token(body), exchange.binding(request, response),
                ClientAddress.of(request)));
    }
}
