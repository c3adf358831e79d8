package dev.latchkey.app.web.account;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /api/account/passkeys/options {hint}}: creation options for one more passkey, after a
 * recent step-up (a passkey one, when the account has a passkey: an email code alone never adds a
 * passkey to such an account); never on a shared computer.
 */
@WebServlet("/api/account/passkeys/options")
public class AddPasskeyOptionsApi extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient StepUp stepUp;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        if (sharedDevices.isShared(request)) {
            views.plainProblem(request, response, 403, "SHARED_DEVICE",
                    dev.latchkey.app.web.UiText.of("problem.sharedDevicePasskey"));
        } else {
            StepUpProof proof = proof(stepUp, s);
            // "On this device" / "On a phone or tablet" / "A security key" (L3 hints).
            Optional<Hint> where = exchange.hint(exchange.readObject(request));
            exchange.writeJson(response, 200, ceremonies.startAddPasskey(proof,
                    exchange.binding(request, response), ClientAddress.of(request), where));
        }
    }
}
