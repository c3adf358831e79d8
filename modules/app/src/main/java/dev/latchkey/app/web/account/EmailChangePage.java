package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailChanges;
import dev.latchkey.identity.api.EmailCodes;
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
 * {@code /account/email}: change the account's address, behind a ranked step-up. A code goes to the
 * new address; {@code POST /account/email/confirm} with it switches the account ({@link EmailChangeConfirm}).
 * Signed-in users only (web.xml).
 */
@WebServlet(EmailChangePage.PATH)
public class EmailChangePage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/account/email";

    @Inject
    transient Accounts accounts;

    @Inject
    transient EmailChanges changes;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        Optional<Account> account = session.flatMap(s -> accounts.find(s.accountId()));
        if (account.isEmpty() || !account.get().emailConfirmed()) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        page(request, response, 200, account.get(), session.get(), "", "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        Optional<Account> account = session.flatMap(s -> accounts.find(s.accountId()));
        if (account.isEmpty() || !account.get().emailConfirmed()) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        post(request, response, account.get(), session.get());
    }

    /** {@code POST /account/email} (form {@code newEmail}): sends a code to the new address. */
    void post(HttpServletRequest request, HttpServletResponse response, Account account, Sessions.SignedInSession session)
            throws IOException {
        // A sensitive action: ranked step-up first (a passkey when the account has one).
        Optional<StepUpProof> proof = stepUp.proof(session.sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        Optional<EmailAddress> wanted = EmailAddress.parse(request.getParameter("newEmail"));
        if (wanted.isEmpty()) {
            page(request, response, 422, account, session, "changeEmail.error.invalid", "");
            return;
        }
        if (wanted.get().equals(account.email())) {
            page(request, response, 422, account, session, "changeEmail.error.same", "");
            return;
        }
        try {
            // Taken or free, the answer is the same: "we sent a code" (EmailChanges).
            changes.request(proof.get(), wanted.get());
        } catch (EmailCodes.TooManyRequests e) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            page(request, response, 429, account, session, "changeEmail.error.tooMany", "");
            return;
        }
        response.sendRedirect(PATH + "?sent");
    }

    void page(HttpServletRequest request, HttpServletResponse response, int status, Account account,
              Sessions.SignedInSession session, String emailError, String codeError) throws IOException {
        views.render(request, response, status, new ChangeEmailView(account.email().value(),
                changes.pending(account.id()).map(EmailAddress::value).orElse(""), request.getParameter("sent") != null,
                !stepUp.satisfied(session.sessionId()), Paths.stepUp(PATH), emailError, codeError,
                EmailCodes.VALID_MINUTES));
    }
}
