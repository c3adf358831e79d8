package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Account;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /account/passkeys/remove} (form {@code passkey}, after a step-up): removes a
 * passkey of the account page's list; a refusal shows the page again ({@link AccountSecurityPage}, {@link PasskeyForms}).
 * {@code GET ?passkey=} asks first, saying exactly which passkey goes; {@code GET ?passkey=&resume} after the
 * step-up carries the removal on (same-origin navigations only, {@link Paths#resumes}).
 */
@WebServlet(PasskeyForms.REMOVE)
public class PasskeyRemove extends AccountSecurityPage {
    private static final long serialVersionUID = 1L;

    @Override
    void get(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        if (Paths.resumes(request)) {
            // Confirmed on this page, then the step-up: the removal goes on without a second press.
            passkeyForms.post(request, response, account, this::render, PasskeyForms.Form.REMOVE);
            return;
        }
        java.util.Optional<PasskeyCardView> card = passkeyForms.card(request, account, request.getParameter("passkey"));
        if (card.isEmpty()) {
            response.sendRedirect(Paths.ACCOUNT + "#passkeys-heading");
            return;
        }
        views.render(request, response, 200, new RemovePasskeyView(card.get()));
    }

    @Override
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        passkeyForms.post(request, response, account, this::render, PasskeyForms.Form.REMOVE);
    }
}
