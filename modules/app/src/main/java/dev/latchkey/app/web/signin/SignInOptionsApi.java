package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.credentials.api.RequestOptions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/signin/options {mediation, hint}}: request options for a passkey sign-in, no username needed. */
@WebServlet("/api/signin/options")
public class SignInOptionsApi extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = exchange.readObject(request);
        Mediation mediation = "conditional".equals(body.get("mediation")) ? Mediation.CONDITIONAL : Mediation.MODAL;
        // "Use a phone or tablet" / "Use a security key": the user said where the passkey is (L3 hints).
        Optional<Hint> hint = exchange.signInHint(body);
        RequestOptions options = ceremonies.startSignIn(mediation, exchange.binding(request, response), ClientAddress.of(request));
        if (hint.isPresent()) {
            options = options.withHints(List.of(hint.get().value()));
        } else if (sharedDevices.isShared(request)) {
            // On a shared computer the passkey comes from a phone or a security key.
            options = options.withHints(List.of(Hint.HYBRID.value(), Hint.SECURITY_KEY.value()));
        }
        exchange.writeJson(response, 200, options);
    }
}
