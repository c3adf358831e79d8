package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.BrowserContext;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.Refusals;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.When;
import dev.latchkey.app.web.nudges.NudgeRedirects;
import dev.latchkey.app.web.signin.RecoverySignInView;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.identity.api.StepUp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Recovery codes: {@code POST /signin/recovery} ({@link RecoveryCodeSignIn}) signs in with one (then
 * {@code /account/recovered}, {@link RecoveredPage}, leads straight to creating a passkey);
 * {@code /account/recovery-codes} shows their status and makes new ones after a step-up, showing
 * them once.
 */
@WebServlet("/account/recovery-codes")
public class RecoveryCodePages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String MANAGE = "/account/recovery-codes";

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Inject
    transient RecoveryCodes codes;

    @Inject
    transient FallbackSignIns fallbacks;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        get(request, response, codes.status(session.get().accountId()));
    }

    /** The page for a signed-in session, with the account's codes' status. */
    void get(HttpServletRequest request, HttpServletResponse response, RecoveryCodes.Status status) throws IOException {
        views.render(request, response, 200, RecoveryCodesView.status(status.remaining(),
                status.createdAt().map(When::shown).orElse("")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        // Making new codes replaces the old ones: a sensitive action.
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(MANAGE, "recovery-codes"));
            return;
        }
        views.render(request, response, 200, RecoveryCodesView.fresh(codes.regenerate(proof.get())));
    }

    void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        Optional<EmailAddress> email = EmailAddress.parse(request.getParameter("email"));
        var client = BrowserContext.describe(request, Map.of(), sharedDevices.isShared(request));
        if (email.isEmpty()) {
            signInPage(request, response, 422, UiText.of("recovery.error.email"), next, request.getParameter("email"));
            return;
        }
        // One call: identity applies the limits, spends the code, logs the attempt and signs in.
        FallbackSignIns.Result result = fallbacks.withRecoveryCode(email.get(), request.getParameter("code"),
                signInSessions.context(request, client));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                signInSessions.keep(response, result.signedIn().orElseThrow());
                // The nudge check stores its decision; the recovered page is itself the prompt to create a passkey here.
                response.sendRedirect(nudgeRedirects.afterSignIn(result.signedIn().orElseThrow(), "/account/recovered"));
            }
            case THROTTLED -> {
                AbuseLimits.Refusal refusal = result.refusal().orElseThrow();
                refusal.retryAfter().ifPresent(d -> response.setHeader("Retry-After", String.valueOf(d.toSeconds())));
                signInPage(request, response, 429, Refusals.of(refusal), next, email.get().value());
            }
            case WRONG, NEEDS_NEW_CODE -> signInPage(request, response, 422, UiText.of("recovery.error.wrong"), next,
                    email.get().value());
        }
    }

    private void signInPage(HttpServletRequest request, HttpServletResponse response, int status, UiText error,
                            String next, String typedEmail) throws IOException {
        views.render(request, response, status, RecoverySignInView.refused(next, typedEmail, error));
    }
}
