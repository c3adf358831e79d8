package dev.latchkey.app.web.operator;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.When;
import dev.latchkey.identity.api.DevelopmentOutbox;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /dev/outbox}: mail that would have been sent, for development without an SMTP server.
 * It exists only when the outbox is on ({@code latchkey.dev.outbox} true, or auto outside production mode), no
 * SMTP host is configured, and the request comes from this machine; anywhere else it is the ordinary 404 page.
 */
@WebServlet("/dev/outbox")
public class DevOutboxPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient LatchkeySettings settings;

    @Inject
    transient DevelopmentOutbox outbox;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.developmentOutbox() || !ClientAddress.loopback(request)) {
            views.problem(request, response, 404, "NOT_FOUND", dev.latchkey.app.web.UiText.of("error.notFound"));
            return;
        }
        views.render(request, response, 200, new DevOutboxView(outbox.newest(20).stream()
                .map(m -> new DevOutboxView.Message(m.recipient(), m.subject(), m.body(), When.shown(m.queuedAt(), views.language(request))))
                .toList()));
    }
}
