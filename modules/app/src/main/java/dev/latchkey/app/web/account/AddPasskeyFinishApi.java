package dev.latchkey.app.web.account;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.Paths;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** {@code POST /api/account/passkeys/finish {credential, client}}: stores the added passkey, after a recent step-up. */
@WebServlet("/api/account/passkeys/finish")
public class AddPasskeyFinishApi extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient Passkeys passkeys;

    @Inject
    transient StepUp stepUp;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        if (requireStepUp(stepUp, request, response, s)) {
            CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
            UUID added = ceremonies.finishAddPasskey(s.accountId(), finish.credentialJson(),
                    exchange.existingBinding(request));
            // A passkey made on a phone over the browser's QR code ("Add a passkey on your phone")
            // is not on this device: noting it here would call this device covered.
            if (!onAPhone(s.accountId(), added)) {
                s.deviceId().ifPresent(d -> passkeys.createdOn(added, d));
            }
            exchange.writeJson(response, 200, Map.of("redirect", Paths.ACCOUNT + "?passkeyAdded"));
        }
    }

    /**
     * Whether the browser reported the new passkey as made on another device over hybrid: attachment
     * {@code cross-platform} with transport {@code hybrid}. Unsigned, so for coverage only.
     */
    private boolean onAPhone(UUID accountId, UUID passkeyId) {
        return passkeys.of(accountId).stream().filter(p -> p.id().equals(passkeyId)).anyMatch(p ->
                p.attachment().filter("cross-platform"::equals).isPresent() && p.transports().contains("hybrid"));
    }
}
