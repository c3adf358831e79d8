package dev.latchkey.app.web.account;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.credentials.api.RelyingParty;
import dev.latchkey.identity.api.Account;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/confirm-email/cancel}: "Cancel this sign-up" while the address is unconfirmed (within a
 * day): the account, its session and its passkeys go ({@code EmailConfirmations.cancelSignUp}). The page after it
 * asks the passkey provider to forget the passkey it saved (Signal API, WebAuthn L3 §5.1.10).
 */
@WebServlet(ConfirmEmailPage.PATH + "/cancel")
public class ConfirmEmailCancel extends ConfirmEmailPage {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Cookies cookies;

    @Inject
    transient RelyingParty relyingParty;

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        switch (confirmations.cancelSignUp(account.id())) {
            case CANCELLED -> {
                cookies.clear(response, Cookies.SESSION);
                views.render(request, response, 200, new SignUpCancelledView(relyingParty.id(),
                        account.userHandle().base64Url()));
            }
            case TOO_LATE -> page(request, response, 409, account, null,
                    dev.latchkey.app.web.UiText.of("confirm.error.tooLate"));
            case ALREADY_CONFIRMED, NOT_FOUND -> response.sendRedirect(dev.latchkey.app.web.Paths.ACCOUNT);
        }
    }
}
