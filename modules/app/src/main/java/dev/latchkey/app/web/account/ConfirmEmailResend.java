package dev.latchkey.app.web.account;

import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.EmailCodes;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/confirm-email/resend}: sends a new code to the address claimed at sign-up
 * ({@link ConfirmEmailPage}, whose page a GET shows).
 */
@WebServlet(ConfirmEmailPage.PATH + "/resend")
public class ConfirmEmailResend extends ConfirmEmailPage {
    private static final long serialVersionUID = 1L;

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        try {
            confirmations.send(account.id());
            response.sendRedirect(PATH + "?resent");
        } catch (EmailCodes.TooManyRequests e) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            page(request, response, 429, account, null, dev.latchkey.app.web.Refusals.of(e));
        }
    }
}
