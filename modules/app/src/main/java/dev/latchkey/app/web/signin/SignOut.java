package dev.latchkey.app.web.signin;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /signout}: deletes the session row, so the cookie is worthless everywhere. */
@WebServlet("/signout")
public class SignOut extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Sessions sessions;

    @Inject
    transient Cookies cookies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cookies.read(request, Cookies.SESSION).ifPresent(sessions::end);
        cookies.clear(response, Cookies.SESSION);
        response.sendRedirect("/signin?signedOut");
    }
}
