package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.RegistrationPolicy;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /account/passkeys/phone}: "Add a passkey on your phone", the native way. The page's
 * one button runs {@code navigator.credentials.create()} on this device with the L3 hint
 * {@code hybrid} (the add-passkey script and {@code /api/account/passkeys/options}); the browser
 * then shows its own QR code and checks over Bluetooth that the phone is near (FIDO CTAP 2.2
 * hybrid transport). When that cannot work (no Bluetooth, another browser), the page offers the
 * link handoff instead. Behind the same step-up as every added passkey.
 */
@WebServlet("/account/passkeys/phone")
public class PhonePasskeyPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient RegistrationPolicy registrationPolicy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        if (!stepUp.satisfied(session.get().sessionId())) {
            response.sendRedirect(Paths.stepUp("/account/passkeys/phone"));
            return;
        }
        views.render(request, response, 200, new AddOnPhoneView(registrationPolicy.allows(Hint.HYBRID)));
    }
}
