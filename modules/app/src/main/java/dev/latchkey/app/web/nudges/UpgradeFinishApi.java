package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/account/upgrade/finish {credential, client}}: stores the automatically created
 * passkey, on this device, and completes the nudge ({@link AutomaticUpgradeEndpoint}).
 */
@WebServlet("/api/account/upgrade/finish")
public class UpgradeFinishApi extends AutomaticUpgradeEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postOffered(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s, UUID offer)
            throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        // The password sign-in of the last minutes is the step-up (an account without a passkey).
        UUID device = s.deviceId().orElseThrow();
        UUID added = ceremonies.finishAddPasskey(proof(stepUp, s), Optional.of(device), finish.credentialJson(),
                exchange.existingBinding(request));
        upgrades.completed(s.accountId(), device, offer, added);
        exchange.writeJson(response, 200, Map.of("saved", true));
    }
}
