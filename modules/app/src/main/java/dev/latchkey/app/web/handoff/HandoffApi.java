package dev.latchkey.app.web.handoff;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.security.Problems;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Device 2's JSON endpoints, no session needed (the link is the only credential, and it grants
 * nothing but this one passkey, pending until paired):
 * {@code POST /api/handoff/options {token}} claims the link for this browser (its ceremony cookie)
 * and returns creation options without email, name or credential ids;
 * {@code POST /api/handoff/finish {token, credential, client}} stores the passkey pending and
 * returns the 6-digit pairing code; {@code POST /api/handoff/status {token}} tells the claiming
 * browser whether the user paired it, and only then the user details for
 * {@code PublicKeyCredential.signalCurrentUserDetails}.
 */
@WebServlet("/api/handoff/*")
public class HandoffApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient Cookies cookies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        try {
            switch (path) {
                case "/options" -> {
                    Map<?, ?> body = exchange.readObject(request);
                    exchange.writeJson(response, 200, handoffs.options(token(body), exchange.binding(request, response),
                            ClientAddress.of(request)));
                }
                case "/finish" -> {
                    String raw = exchange.readBody(request);
                    Map<?, ?> body = exchange.parseObject(raw);
                    CeremonyExchange.FinishRequest finish = exchange.finishFrom(request, body);
                    Optional<DeviceKey> device = cookies.read(request, Cookies.DEVICE).flatMap(DeviceKey::parse);
                    String code = handoffs.finish(token(body), finish.credentialJson(), exchange.existingBinding(request),
                            device, ClientAddress.of(request));
                    exchange.writeJson(response, 200, Map.of("code", code));
                }
                case "/status" -> {
                    Map<?, ?> body = exchange.readObject(request);
                    Handoffs.Device2View view = handoffs.device2(token(body), exchange.existingBinding(request),
                            ClientAddress.of(request));
                    Map<String, Object> answer = new HashMap<>();
                    answer.put("state", view.state().name());
                    view.details().ifPresent(d -> answer.put("user", Map.of("userId", d.userId(), "name", d.name(),
                            "displayName", d.displayName())));
                    exchange.writeJson(response, 200, answer);
                }
                default -> Problems.send(response, 404, "NOT_FOUND", "There is nothing here.", request);
            }
        } catch (Handoffs.Refused e) {
            HandoffRefusals.retryAfter(e, response);
            Problems.send(response, HandoffRefusals.status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (CeremonyRejected e) {
            Problems.send(response, CeremonyExchange.status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (CeremonyExchange.BadRequest e) {
            Problems.send(response, e.status, "BAD_REQUEST", e.getMessage(), request);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        Problems.send(response, 405, "METHOD_NOT_ALLOWED", "Use POST for this endpoint.", request);
    }

    private static String token(Map<?, ?> body) {
        return body.get("token") instanceof String s ? s : "";
    }
}
