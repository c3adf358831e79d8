package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.credentials.api.PasskeyManagement;
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
 * "I lost this device". {@code GET ?device=} shows, before anything changes, exactly what the report
 * does: the device is signed out, these passkeys (living only on it) are removed, these (synced) stay
 * and what to do at their provider instead (credentials' {@link LostDevicePlan}). {@code POST} (form
 * {@code device}), after a step-up, does exactly that, unless the removed passkeys are the account's
 * last way in (then 409 on the account page, nothing changed). {@code GET ?device=&resume} after the
 * step-up carries the confirmed report on (same-origin only, {@link Paths#resumes}). Signed-in users
 * only (web.xml).
 */
@WebServlet(LostDevice.PATH)
public class LostDevice extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/account/devices/lost";

    @Inject
    transient Devices devices;

    @Inject
    transient PasskeyManagement passkeys;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient AccountTips accountTips;

    @Inject
    transient dev.latchkey.app.web.ReaderLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Paths.resumes(request)) {
            report(request, response);
            return;
        }
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        Optional<UUID> device = parse(request.getParameter("device"));
        if (session.isEmpty() || device.isEmpty() || device.equals(session.get().deviceId())) {
            response.sendRedirect(Paths.ACCOUNT + "#devices-heading");
            return;
        }
        Optional<LostDevicePlan> plan = passkeys.lostDevicePlan(session.get().accountId(), device.get());
        if (plan.isEmpty()) {
            response.sendRedirect(Paths.ACCOUNT + "#devices-heading");
            return;
        }
        java.util.Locale locale = language.of(request);
        views.render(request, response, 200, LostDeviceView.of(plan.get(), accountTips.lostDevice(locale).orElse(null),
                locale, c -> PasskeyForms.shownName(views, request, locale, c), views.devices(request, locale)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        report(request, response);
    }

    private void report(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        Optional<UUID> device = parse(request.getParameter("device"));
        if (session.isEmpty() || device.isEmpty()) {
            views.problem(request, response, 400, "BAD_REQUEST", UiText.of("lostDevice.choose"));
            return;
        }
        if (device.equals(session.get().deviceId())) {
            views.problem(request, response, 400, "THIS_DEVICE", UiText.of("lostDevice.thisDevice"));
            return;
        }
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            // Back here after the step-up, and the report goes on (Paths.resumes).
            response.sendRedirect(Paths.stepUp(PATH + "?device=" + device.get() + "&resume", "lost-device"));
            return;
        }
        Devices.LostReport report = devices.reportLost(proof.get(), device.get());
        switch (report.outcome()) {
            case REPORTED -> response.sendRedirect(Paths.ACCOUNT + "?deviceLost#devices-heading");
            case NOT_FOUND -> views.problem(request, response, 404, "NOT_FOUND", UiText.of("lostDevice.notFound"));
            // Nothing changed: the page says why, next to the devices, and what to do instead.
            case LAST_WAY_IN -> AccountRefusal.show(request, response, AccountSecurityView.Refused.device(
                    AccountSecurityView.Refused.lastWayIn("device", report.confirmAddressFirst())));
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
