package dev.latchkey.app.web.oidc;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.web.Views;
import dev.latchkey.federation.api.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /oidc/logout} (OpenID Connect RP-Initiated Logout 1.0). */
@WebServlet("/oidc/logout")
public class OidcLogout extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdProvider provider;

    @Inject
    transient Views views;

    @Inject
    transient Cookies cookies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcAnswers.write(views, request, response, provider.logout(request.getQueryString(), cookies.read(request, Cookies.SESSION)));
    }
}
