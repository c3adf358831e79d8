package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.UiText;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailConfirmations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /account/confirm-email}: enter the code sent to the address claimed at sign-up;
 * {@code POST /account/confirm-email/resend} sends a new one ({@link ConfirmEmailResend}).
 * Signed-in users only (web.xml).
 */
@WebServlet(ConfirmEmailPage.PATH)
public class ConfirmEmailPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/account/confirm-email";

    @Inject
    transient Accounts accounts;

    @Inject
    transient EmailConfirmations confirmations;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = account(request);
        if (account.isEmpty() || account.get().emailConfirmed()) {
            response.sendRedirect(Paths.ACCOUNT);
            return;
        }
        page(request, response, 200, account.get(), request.getParameter("resent") != null ? "" : null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = account(request);
        if (account.isEmpty() || account.get().emailConfirmed()) {
            response.sendRedirect(Paths.ACCOUNT);
            return;
        }
        post(request, response, account.get());
    }

    /** {@code POST /account/confirm-email} (form {@code code}). */
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        switch (confirmations.confirm(account.id(), request.getParameter("code"))) {
            case CONFIRMED, ALREADY_CONFIRMED -> response.sendRedirect(Paths.ACCOUNT + "?emailConfirmed");
            case WRONG -> page(request, response, 422, account, null,
                    UiText.of("confirm.error.wrong"));
            case NEEDS_NEW_CODE -> page(request, response, 422, account, null,
                    UiText.of("confirm.error.expired"));
        }
    }

    private Optional<Account> account(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal()).map(p -> UUID.fromString(p.getName())).flatMap(accounts::find);
    }

    void page(HttpServletRequest request, HttpServletResponse response, int status, Account account,
              String notice, UiText error) throws IOException {
        views.render(request, response, status, new ConfirmEmailView(account.email().value(), notice != null, error));
    }
}
