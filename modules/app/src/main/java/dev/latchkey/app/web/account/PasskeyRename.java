package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Account;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/passkeys/rename} (form {@code passkey}, {@code name}): renames a passkey
 * of the account page's list; a refusal shows the page again ({@link AccountSecurityPage}, {@link PasskeyForms}).
 * A GET leads to the page.
 */
@WebServlet(PasskeyForms.RENAME)
public class PasskeyRename extends AccountSecurityPage {
    private static final long serialVersionUID = 1L;

    @Override
    void get(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        response.sendRedirect(Paths.ACCOUNT);
    }

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        passkeyForms.post(request, response, account, this::render, PasskeyForms.Form.RENAME);
    }
}
