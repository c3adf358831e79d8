package dev.latchkey.app.web.account;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.Paths;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code POST /api/account/passkeys/finish {credential, client}}: stores the added passkey, after a recent step-up. */
@WebServlet("/api/account/passkeys/finish")
public class AddPasskeyFinishApi extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient StepUp stepUp;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        StepUpProof proof = proof(stepUp, s);
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        // One call, one transaction: credentials stores it, notes where it was made (not on this
        // device when made on a phone over the QR code) and announces it (PasskeyAdded: the owner is mailed).
        java.util.UUID added = ceremonies.finishAddPasskey(proof, s.deviceId(), finish.credentialJson(),
                exchange.existingBinding(request));
        // The account page names where the new passkey was saved (AccountTips.newPasskey).
        exchange.writeJson(response, 200, Map.of("redirect", Paths.ACCOUNT + "?passkeyAdded=" + added));
    }
}
