package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.BrowserContext;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.Refusals;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.nudges.NudgeRedirects;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /signin/password}: sign-in with email address and password, a plain form (no
 * JavaScript needed). An unknown address, an account without a password and a wrong password get
 * the same page, status and cookies; every attempt is written to the sign-in log.
 */
@WebServlet("/signin/password")
public class PasswordSignIn extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final UiText REFUSED = UiText.of("password.refused");

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Inject
    transient FallbackSignIns fallbacks;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient Views views;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient dev.latchkey.nudges.api.PasskeyUpgrades upgrades;

    /** {@code cap-<name>=true|false} form fields, as BrowserContext reads a JSON report. */
    private static Map<String, Boolean> reportedCapabilities(HttpServletRequest request) {
        Map<String, Boolean> reported = new HashMap<>();
        for (String name : new String[] {"platformAuthenticator", "conditionalGet", "conditionalCreate", "hybridTransport"}) {
            String value = request.getParameter("cap-" + name);
            if ("true".equals(value) || "false".equals(value)) {
                reported.put(name, Boolean.valueOf(value));
            }
        }
        return reported;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/signin");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!fallbacks.offered().password()) {
            // Switched off for this deployment (identity refuses too): as if it did not exist, whatever was typed.
            views.problem(request, response, 404, "NOT_FOUND", UiText.of("error.notFound"));
            return;
        }
        String next = Paths.safeNext(request.getParameter("next"));
        String typedEmail = Optional.ofNullable(request.getParameter("email")).map(String::strip).orElse("");
        Optional<EmailAddress> email = EmailAddress.parse(typedEmail);
        String password = request.getParameter("password");
        if (email.isEmpty()) {
            views.render(request, response, 422, SignInView.emailRefused(next, sharedDevices.isShared(request),
                    sharedDevices.inSharedNetwork(dev.latchkey.app.web.ClientAddress.of(request)), typedEmail,
                    UiText.of("signin.error.email")));
            return;
        }
        if (password == null || password.isEmpty()) {
            signInPage(request, response, 422, email.get(), UiText.of("password.missing"), next);
            return;
        }
        // The sign-in page's script reports the browser's passkey capabilities in hidden fields
        // (conditionalCreate decides the automatic upgrade, scenario e); without script they stay unknown.
        var client = BrowserContext.describe(request, reportedCapabilities(request), sharedDevices.isShared(request));
        // One call: identity applies the switch and the limits (a refused try checks nothing), logs and signs in.
        FallbackSignIns.Result result;
        try {
            result = fallbacks.withPassword(email.get(), password, signInSessions.context(request, client));
        } catch (FallbackSignIns.NotOffered e) {
            views.problem(request, response, 404, "NOT_FOUND", UiText.of("error.notFound"));
            return;
        } catch (Passwords.Busy e) {
            response.setHeader("Retry-After", "2");
            signInPage(request, response, 503, email.get(), UiText.of("password.busy"), next);
            return;
        }
        switch (result.outcome()) {
            case SIGNED_IN -> {
                SignedIn signedIn = result.signedIn().orElseThrow();
                signInSessions.keep(response, signedIn);
                // Scenario e: a browser that can create a passkey in the background goes straight on (no
                // interstitial); the next page runs the upgrade. Otherwise the usual nudge check.
                boolean upgrade = false;
                try {
                    upgrade = upgrades.afterPasswordSignIn(signedIn.accountId(), signedIn.device().id()).isPresent();
                } catch (RuntimeException e) {
                    // A nudge never stands between a user and their account.
                    java.util.logging.Logger.getLogger(PasswordSignIn.class.getName())
                            .log(java.util.logging.Level.WARNING, "automatic upgrade check failed", e);
                }
                response.sendRedirect(upgrade ? next : nudgeRedirects.afterSignIn(signedIn, next));
            }
            case THROTTLED -> {
                AbuseLimits.Refusal refusal = result.refusal().orElseThrow();
                refusal.retryAfter().ifPresent(d -> response.setHeader("Retry-After", String.valueOf(d.toSeconds())));
                signInPage(request, response, 429, email.get(), Refusals.of(refusal), next);
            }
            case WRONG, NEEDS_NEW_CODE -> signInPage(request, response, 422, email.get(), REFUSED, next);
        }
    }

    /** The ways to sign in for this address again, the password saying why (the same for any address). */
    private void signInPage(HttpServletRequest request, HttpServletResponse response, int status, EmailAddress email,
                            UiText passwordError, String next) throws IOException {
        views.render(request, response, status, SignInMethodsView.passwordRefused(email.value(), next,
                sharedDevices.isShared(request), passwordError));
    }
}
