package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/account/upgrade/outcome {outcome: "declined" | "failed"}}: the page reports that the
 * automatic upgrade saved no passkey (declined: the browser's {@code NotAllowedError}; failed: anything
 * else), for the nudge funnel's DECLINED or FAILED step ({@link AutomaticUpgradeEndpoint}).
 */
@WebServlet("/api/account/upgrade/outcome")
public class UpgradeOutcomeApi extends AutomaticUpgradeEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CeremonyExchange exchange;

    @Override
    protected void postOffered(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s, UUID offer)
            throws IOException {
        Object outcome = exchange.readObject(request).get("outcome");
        if (!"declined".equals(outcome) && !"failed".equals(outcome)) {
            views.plainProblem(request, response, 400, "BAD_OUTCOME", dev.latchkey.app.web.UiText.of("problem.badOutcome"));
            return;
        }
        upgrades.notCompleted(s.accountId(), s.deviceId().orElseThrow(), offer, "declined".equals(outcome));
        exchange.writeJson(response, 200, Map.of("recorded", true));
    }
}
