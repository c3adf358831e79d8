package dev.latchkey.app.web.account;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /signin/recovery} (form {@code email}, {@code code}): signs in with a recovery code
 * ({@link RecoveryCodePages}), then on to {@code /account/recovered}. A GET leads to sign-in.
 */
@WebServlet("/signin/recovery")
public class RecoveryCodeSignIn extends RecoveryCodePages {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/signin");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn(request, response);
    }
}
