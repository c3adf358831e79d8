package dev.latchkey.app.web.account;

import dev.latchkey.app.security.Problems;
import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /account/devices/lost}: "I lost this device". After a step-up, signs out every
 * session on it and removes the passkeys created on it, unless they are the account's last way in
 * (then 409 on the account page, nothing changed). Signed-in users only (web.xml).
 */
@WebServlet("/account/devices/lost")
public class LostDevice extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Devices devices;

    @Inject
    transient StepUp stepUp;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        Optional<UUID> device = parse(request.getParameter("device"));
        if (session.isEmpty() || device.isEmpty()) {
            Problems.send(response, 400, "BAD_REQUEST", "Choose a device from your account page.", request);
            return;
        }
        if (device.equals(session.get().deviceId())) {
            Problems.send(response, 400, "THIS_DEVICE", "That is the device you are using. Sign out instead.", request);
            return;
        }
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(Paths.ACCOUNT));
            return;
        }
        Devices.LostReport report = devices.reportLost(proof.get(), device.get());
        switch (report.outcome()) {
            case REPORTED -> response.sendRedirect(Paths.ACCOUNT + "?deviceLost");
            case NOT_FOUND -> Problems.send(response, 404, "NOT_FOUND", report.message(), request);
            // Nothing changed: the page says why, next to the devices, and what to do instead.
            case LAST_WAY_IN -> AccountRefusal.show(request, response, AccountSecurityView.Refused.device(report.message()));
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
