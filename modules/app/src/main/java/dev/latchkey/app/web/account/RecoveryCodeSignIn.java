package dev.latchkey.app.web.account;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /signin/recovery} (form {@code email}, {@code code}): signs in with a recovery code
 * ({@link RecoveryCodePages}), then on to {@code /account/recovered}. {@code GET} shows the form, a page of its own.
 */
@WebServlet("/signin/recovery")
public class RecoveryCodeSignIn extends RecoveryCodePages {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(dev.latchkey.app.web.Paths.safeNext(request.getParameter("next")));
            return;
        }
        views.render(request, response, 200, dev.latchkey.app.web.signin.RecoverySignInView.page(
                dev.latchkey.app.web.Paths.safeNext(request.getParameter("next"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn(request, response);
    }
}
