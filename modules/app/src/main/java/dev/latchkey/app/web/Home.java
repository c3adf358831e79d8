package dev.latchkey.app.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The context root: the operator console for staff, the account page when signed in, sign-in otherwise. */
@WebServlet("")
public class Home extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient dev.latchkey.identity.api.Staff staff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = dev.latchkey.app.security.SessionCookieFilter.session(request);
        if (session.isPresent() && !staff.roles(session.get().accountId()).isEmpty()) {
            response.sendRedirect("/operator");
            return;
        }
        response.sendRedirect(request.getUserPrincipal() != null ? Paths.ACCOUNT : "/signin");
    }
}
