package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /account/passkeys/new}: add a passkey on this device (after a recent step-up, {@link StepUpPage}).
 * Signed-in users only (web.xml).
 */
@WebServlet("/account/passkeys/new")
public class AccountPasskeyPages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient AccountTips accountTips;

    @Inject
    transient dev.latchkey.app.web.ReaderLanguage language;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient RegistrationPolicy registrationPolicy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        if (sharedDevices.isShared(request)) {
            views.render(request, response, 200, new AddPasskeyView(true, List.of(), null));
            return;
        }
        if (!stepUp.satisfied(session.get().sessionId())) {
            response.sendRedirect(Paths.stepUp("/account/passkeys/new"));
            return;
        }
        // Only the places the registration policy accepts (an intranet may take security keys only).
        List<String> choices = Arrays.stream(Hint.values()).filter(registrationPolicy::allows).map(Hint::value).toList();
        views.render(request, response, 200, new AddPasskeyView(false, choices,
                accountTips.beforeCreating(language.of(request)).orElse(null)));
    }
}
