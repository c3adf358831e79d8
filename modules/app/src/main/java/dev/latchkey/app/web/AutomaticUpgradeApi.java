package dev.latchkey.app.web;

import dev.latchkey.app.security.Problems;
import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.EnrollmentCeremonies;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.nudges.api.PasskeyUpgrades;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Scenario e, the automatic passkey upgrade, for the page after a password sign-in:
 * {@code POST /api/account/upgrade/options} issues conditional-create options (the challenge row
 * records {@code CONDITIONAL}); {@code POST /api/account/upgrade/finish} stores the passkey, on
 * this device, and completes the nudge. The page script stays silent whatever happens.
 *
 * <p>Why only here and only then: the session must have signed in within identity's step-up
 * window ({@code StepUp.satisfied}) on an account for which that password is the strongest proof
 * there is ({@code StepUp.passkeyRequired} false, i.e. no passkey yet), and the nudges module must
 * have offered the upgrade to this device. A password never adds a passkey to an account that
 * has one; credentials refuses that again on its own when it issues and finishes the ceremony.
 */
@WebServlet("/api/account/upgrade/*")
public class AutomaticUpgradeApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EnrollmentCeremonies enrollment;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient PasskeyUpgrades upgrades;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        if (session.isEmpty()) {
            Problems.send(response, 401, "SIGNED_OUT", "Your session has ended. Sign in again.", request);
            return;
        }
        Sessions.SignedInSession s = session.get();
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        try {
            Optional<UUID> offer = s.deviceId().flatMap(d -> upgrades.offered(s.accountId(), d));
            if (!path.equals("/options") && !path.equals("/finish")) {
                Problems.send(response, 404, "NOT_FOUND", "There is nothing here.", request);
            } else if (offer.isEmpty() || sharedDevices.isShared(request) || !stepUp.satisfied(s.sessionId())
                    || stepUp.passkeyRequired(s.accountId())) {
                Problems.send(response, 403, "NO_UPGRADE", "There is no passkey to save automatically here. Add one from"
                        + " your account page.", request);
            } else if (path.equals("/options")) {
                exchange.writeJson(response, 200, enrollment.startAutomaticUpgrade(s.accountId(),
                        exchange.binding(request, response), ClientAddress.of(request)));
            } else {
                CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
                // The password sign-in of the last minutes is the step-up (an account without a passkey).
                UUID device = s.deviceId().orElseThrow();
                UUID added = ceremonies.finishAddPasskey(stepUp.proof(s.sessionId()).orElseThrow(StepUpProof.Expired::new),
                        Optional.of(device), finish.credentialJson(), exchange.existingBinding(request));
                upgrades.completed(s.accountId(), device, offer.get(), added);
                exchange.writeJson(response, 200, Map.of("saved", true));
            }
        } catch (CeremonyRejected e) {
            Problems.send(response, CeremonyExchange.status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (CeremonyExchange.BadRequest e) {
            Problems.send(response, e.status, "BAD_REQUEST", e.getMessage(), request);
        }
    }
}
