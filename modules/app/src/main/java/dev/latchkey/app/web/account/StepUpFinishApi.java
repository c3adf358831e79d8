package dev.latchkey.app.web.account;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.Paths;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code POST /api/account/stepup/finish {credential, client}}: records the step-up, then back to {@code next}. */
@WebServlet("/api/account/stepup/finish")
public class StepUpFinishApi extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        // One transaction: the assertion verified, the session's step-up recorded, the passkey's use.
        ceremonies.finishStepUp(s, finish.credentialJson(), exchange.existingBinding(request));
        exchange.writeJson(response, 200, Map.of("redirect", Paths.safeNext(request.getParameter("next"))));
    }
}
