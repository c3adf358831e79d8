package dev.latchkey.app.web.oidc;

import dev.latchkey.federation.api.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /oidc/userinfo} (Core §5.3): the access token in the Authorization header (RFC 6750 §2.1). */
@WebServlet("/oidc/userinfo")
public class OidcUserInfo extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdProvider provider;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcAnswers.write(response, provider.userInfo(OidcAnswers.header(request, "Authorization")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
