package dev.latchkey.app.web;

import dev.latchkey.app.security.SessionCookieMechanism;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/email}: change the account's address, behind a ranked step-up. A code goes to the
 * new address; {@code POST /account/email/confirm} with it switches the account. Signed-in users
 * only (web.xml).
 */
@WebServlet({EmailChangePage.PATH, EmailChangePage.PATH + "/confirm"})
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
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        Optional<Account> account = session.flatMap(s -> accounts.find(s.accountId()));
        if (account.isEmpty() || !account.get().emailConfirmed()) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        page(request, response, 200, account.get(), session.get(), Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        Optional<Account> account = session.flatMap(s -> accounts.find(s.accountId()));
        if (account.isEmpty() || !account.get().emailConfirmed()) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        if (request.getServletPath().endsWith("/confirm")) {
            switch (changes.confirm(account.get().id(), request.getParameter("code"))) {
                // detailsChanged: the account page then tells the passkey provider the new name
                // (signalCurrentUserDetails), so the passkey no longer shows the old address.
                case CHANGED -> response.sendRedirect(Paths.ACCOUNT + "?emailChanged&detailsChanged");
                case WRONG -> page(request, response, 422, account.get(), session.get(), Map.of("codeError",
                        "That code is not right. Check the newest email we sent to the new address."));
                case NEEDS_NEW_CODE -> page(request, response, 422, account.get(), session.get(), Map.of("codeError",
                        "That code has expired or was tried too often. Enter the new address again for a new code."));
            }
            return;
        }
        // A sensitive action: ranked step-up first (a passkey when the account has one).
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        Optional<EmailAddress> wanted = EmailAddress.parse(request.getParameter("newEmail"));
        if (wanted.isEmpty()) {
            page(request, response, 422, account.get(), session.get(),
                    Map.of("emailError", "Enter the new address, like name@example.com."));
            return;
        }
        if (wanted.get().equals(account.get().email())) {
            page(request, response, 422, account.get(), session.get(),
                    Map.of("emailError", "That is already your address."));
            return;
        }
        try {
            // Taken or free, the answer is the same: "we sent a code" (EmailChanges).
            changes.request(proof.get(), wanted.get());
        } catch (EmailCodes.TooManyRequests e) {
            page(request, response, 429, account.get(), session.get(), Map.of("emailError", e.getMessage()));
            return;
        }
        response.sendRedirect(PATH + "?sent");
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, Account account,
                      Sessions.SignedInSession session, Map<String, ?> extra) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("current", account.email().value());
        model.put("pending", changes.pending(account.id()).map(EmailAddress::value).orElse(""));
        model.put("sent", request.getParameter("sent") != null);
        model.put("stepUpNeeded", !stepUp.satisfied(session.sessionId()));
        model.put("stepUpPath", Paths.stepUp(PATH));
        model.put("emailError", "");
        model.put("codeError", "");
        model.put("validMinutes", EmailCodes.VALID_MINUTES);
        model.putAll(extra);
        views.render(request, response, status, "change-email", model);
    }
}
