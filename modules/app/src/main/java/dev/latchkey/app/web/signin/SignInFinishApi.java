package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.nudges.NudgeRedirects;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/signin/finish {credential, client}}: one call on credentials verifies the
 * assertion and completes the sign-in in identity (one transaction); this servlet writes the
 * cookies and answers where to go next (the nudge check may put its interstitial first).
 */
@WebServlet("/api/signin/finish")
public class SignInFinishApi extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        PasskeyCeremonies.PasskeySignIn result = ceremonies.finishSignIn(finish.credentialJson(),
                exchange.existingBinding(request), signInSessions.context(request, finish.client()));
        signInSessions.keep(response, result.signedIn());
        // The nudges module's own use case, after the sign-in committed (it stores its decision).
        String next = nudgeRedirects.afterSignIn(result.signedIn(), Paths.safeNext(request.getParameter("next")));
        exchange.writeJson(response, 200, Map.of("redirect", next, "mediation", result.mediation().name().toLowerCase()));
    }
}
