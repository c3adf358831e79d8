package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Account;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/password}: a first password, or a new one in exchange for the current one; a
 * refusal shows the account page again with the reasons ({@link AccountSecurityPage}). A GET leads to the page.
 */
@WebServlet("/account/password")
public class PasswordForm extends AccountSecurityPage {
    private static final long serialVersionUID = 1L;

    @Override
    void get(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        response.sendRedirect(Paths.ACCOUNT);
    }

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        setPassword(request, response, account);
    }
}
