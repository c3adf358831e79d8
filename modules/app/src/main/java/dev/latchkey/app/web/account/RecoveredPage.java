package dev.latchkey.app.web.account;

import dev.latchkey.identity.api.RecoveryCodes;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /account/recovered}: after a sign-in with a recovery code, straight on to creating a
 * passkey ({@link RecoveryCodePages}). A POST leads to sign-in.
 */
@WebServlet("/account/recovered")
public class RecoveredPage extends RecoveryCodePages {
    private static final long serialVersionUID = 1L;

    @Override
    void get(HttpServletRequest request, HttpServletResponse response, RecoveryCodes.Status status) throws IOException {
        views.render(request, response, 200, new RecoveredView(status.remaining(), sharedDevices.isShared(request)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/signin");
    }
}
