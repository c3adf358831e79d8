package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.account.AccountCeremonyEndpoint;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.nudges.api.PasskeyUpgrades;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Scenario e, the automatic passkey upgrade, for the page after a password sign-in:
 * {@code POST /api/account/upgrade/options} ({@link UpgradeOptionsApi}) issues conditional-create
 * options (the challenge row records {@code CONDITIONAL}); {@code POST /api/account/upgrade/finish}
 * ({@link UpgradeFinishApi}) stores the passkey, on this device, and completes the nudge. The page
 * script stays silent whatever happens.
 *
 * <p>Why only here and only then: the session must have signed in within identity's step-up
 * window ({@code StepUp.satisfied}) on an account for which that password is the strongest proof
 * there is ({@code StepUp.passkeyRequired} false, i.e. no passkey yet), and the nudges module must
 * have offered the upgrade to this device. A password never adds a passkey to an account that
 * has one; credentials refuses that again on its own when it issues and finishes the ceremony.
 */
public abstract class AutomaticUpgradeEndpoint extends AccountCeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyUpgrades upgrades;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient SharedDevices sharedDevices;

    /** Serves the POST when the upgrade is offered to this session's device; {@code offer} is the nudge. */
    protected abstract void postOffered(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s,
                                        UUID offer) throws IOException;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        Optional<UUID> offer = s.deviceId().flatMap(d -> upgrades.offered(s.accountId(), d));
        if (offer.isEmpty() || sharedDevices.isShared(request) || !stepUp.satisfied(s.sessionId())
                || stepUp.passkeyRequired(s.accountId())) {
            views.plainProblem(request, response, 403, "NO_UPGRADE", dev.latchkey.app.web.UiText.of("problem.noUpgrade"));
            return;
        }
        postOffered(request, response, s, offer.get());
    }
}
