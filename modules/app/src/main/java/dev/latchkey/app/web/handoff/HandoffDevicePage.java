package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Views;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /handoff/{token}}: device 2 of the link handoff, with no session. The page names
 * no account (no email, no name): it offers to create a passkey here, then shows the pairing
 * code. Opening it changes nothing (link previews and scanners fetch pages too); the link is
 * claimed when this browser asks for creation options. A link that is unknown, used, expired or
 * another device's gets a readable 4xx page.
 */
@WebServlet("/handoff/*")
public class HandoffDevicePage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Optional.ofNullable(request.getPathInfo()).map(p -> p.substring(1)).orElse("");
        // The token is in the address: no Referer to anyone, not even our own pages.
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            Handoffs.State state = handoffs.peek(token, ClientAddress.of(request));
            views.render(request, response, 200, new HandoffDeviceView(token, state.name(), null));
        } catch (Handoffs.Refused e) {
            HandoffRefusals.retryAfter(e, response);
            views.render(request, response, HandoffRefusals.status(e.reason()),
                    new HandoffDeviceView("", "REFUSED", HandoffRefusals.said(views, request, e)));
        }
    }
}
