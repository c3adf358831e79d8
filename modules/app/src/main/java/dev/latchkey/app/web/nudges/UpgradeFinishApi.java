package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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
    transient Passkeys passkeys;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postOffered(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s, UUID offer)
            throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        UUID added = ceremonies.finishAddPasskey(s.accountId(), finish.credentialJson(),
                exchange.existingBinding(request));
        UUID device = s.deviceId().orElseThrow();
        passkeys.createdOn(added, device);
        upgrades.completed(s.accountId(), device, offer, added);
        exchange.writeJson(response, 200, Map.of("saved", true));
    }
}
