package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Sessions;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/email/confirm} (form {@code code}): the code sent to the new address switches
 * the account to it ({@link EmailChangePage}, whose page a GET shows).
 */
@WebServlet(EmailChangePage.PATH + "/confirm")
public class EmailChangeConfirm extends EmailChangePage {
    private static final long serialVersionUID = 1L;

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account, Sessions.SignedInSession session)
            throws IOException {
        switch (changes.confirm(account.id(), request.getParameter("code"))) {
            // detailsChanged: the account page then tells the passkey provider the new name
            // (signalCurrentUserDetails), so the passkey no longer shows the old address.
            case CHANGED -> response.sendRedirect(Paths.ACCOUNT + "?emailChanged&detailsChanged");
            case WRONG -> page(request, response, 422, account, session, "", "changeEmail.error.wrongCode");
            case NEEDS_NEW_CODE -> page(request, response, 422, account, session, "", "changeEmail.error.newCode");
        }
    }
}
