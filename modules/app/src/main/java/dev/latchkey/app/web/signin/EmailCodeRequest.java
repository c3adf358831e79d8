package dev.latchkey.app.web.signin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /signin/email}: asks for a code, then on to the code form ({@link EmailCodeSignIn}); a GET goes to sign-in. */
@WebServlet("/signin/email")
public class EmailCodeRequest extends EmailCodeSignIn {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/signin");
    }

    @Override
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requestCode(request, response);
    }
}
