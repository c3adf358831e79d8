package dev.latchkey.app.web.recovery;

import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.Views;
import dev.latchkey.insights.api.AssistedRecovery;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /recover/{token}}: the person's own phone opens the link an agent showed them. No session;
 * opening changes nothing but the audit of a refusal. An unknown, used or expired link, a link another
 * device opened first, or a shared device gets a readable 4xx page in the reader's language.
 */
@WebServlet("/recover/*")
public class RecoveryDevicePage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AssistedRecovery recovery;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient Views views;

    @Inject
    transient dev.latchkey.app.web.nudges.PageWords words;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Optional.ofNullable(request.getPathInfo()).map(p -> p.substring(1)).orElse("");
        // The token is in the address: no Referer to anyone.
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            AssistedRecovery.State state = recovery.peek(token, sharedDevices.isShared(request), ClientAddress.of(request));
            views.render(request, response, 200, new RecoveryDeviceView(token, state.name(), null, false));
        } catch (AssistedRecovery.Refused e) {
            RecoveryEndpoint.retryAfter(e, response);
            views.render(request, response, RecoveryEndpoint.status(e.reason()), new RecoveryDeviceView("", "REFUSED",
                    words.in(request, views.language(request)).apply(e.words()), e.reason() == AssistedRecovery.Refused.Reason.SHARED_DEVICE));
        }
    }
}
