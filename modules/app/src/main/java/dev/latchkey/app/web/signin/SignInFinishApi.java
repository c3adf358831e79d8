package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.nudges.NudgeRedirects;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInMethod;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/signin/finish {credential, client}}: verifies the assertion, starts the session
 * and answers where to go next (the nudge check may put its interstitial first).
 */
@WebServlet("/api/signin/finish")
public class SignInFinishApi extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient Passkeys passkeys;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        PasskeyCeremonies.SignInResult result;
        try {
            result = ceremonies.finishSignIn(finish.credentialJson(), exchange.existingBinding(request));
        } catch (CeremonyRejected e) {
            signInSessions.failed(SignInMethod.PASSKEY, finish.client(), e.reason().name());
            throw e;
        }
        Device device = signInSessions.signIn(request, response, result.accountId(), result.method(), finish.client());
        passkeys.usedOn(result.passkeyId(), device.id());
        String next = nudgeRedirects.afterSignIn(result.accountId(), device, result.method(),
                Paths.safeNext(request.getParameter("next")));
        exchange.writeJson(response, 200, Map.of("redirect", next, "mediation", result.mediation().name().toLowerCase()));
    }
}
