package dev.latchkey.app.web.account;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.web.Paths;
import dev.latchkey.identity.api.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /account/sessions/others}: "Sign out my other sessions"; this browser stays signed in. */
@WebServlet("/account/sessions/others")
public class OtherSessions extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Sessions sessions;

    @Inject
    transient Cookies cookies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cookies.read(request, Cookies.SESSION).ifPresent(sessions::endOthers);
        response.sendRedirect(Paths.ACCOUNT + "?otherSessionsEnded");
    }
}
