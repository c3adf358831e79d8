package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Passwords;
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

/**
 * {@code POST /account/password/remove}: a sensitive action behind a fresh step-up (a passkey or
 * a recovery code when the account has a passkey); refused with 409 on the account page when the
 * password is the account's last way in. Signed-in users only (web.xml).
 */
@WebServlet("/account/password/remove")
public class RemovePassword extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Passwords passwords;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient dev.latchkey.app.web.Views views;

    /**
     * {@code GET}: asks first, saying what goes and what stays; {@code GET ?resume} after the step-up carries the
     * removal on (same-origin navigations only, {@link Paths#resumes}).
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Paths.resumes(request)) {
            doPost(request, response);
            return;
        }
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Optional<java.time.Instant> setAt = passwords.setAt(session.get().accountId());
        if (setAt.isEmpty()) {
            response.sendRedirect(Paths.ACCOUNT + "#password");
            return;
        }
        views.render(request, response, 200, new RemovePasswordView(dev.latchkey.app.web.When.shown(setAt.get(), views.language(request)),
                setAt.get().toString()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            // Back here after the step-up, and the removal goes on (Paths.resumes).
            response.sendRedirect(Paths.stepUp("/account/password/remove?resume", "remove-password"));
            return;
        }
        Passwords.Removal removal = passwords.remove(proof.get());
        if (removal.outcome() == Passwords.Removal.Outcome.LAST_WAY_IN) {
            // Nothing changed: the page says why, next to the password, and what to do instead.
            AccountRefusal.show(request, response, AccountSecurityView.Refused.password(
                    AccountSecurityView.Refused.lastWayIn("password", false)));
            return;
        }
        response.sendRedirect(Paths.ACCOUNT + "?passwordRemoved#password");
    }
}
