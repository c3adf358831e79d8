package dev.latchkey.app.web.oidc;

import dev.latchkey.federation.api.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4) and {@code /oidc/jwks}. */
@WebServlet({"/.well-known/openid-configuration", "/oidc/jwks"})
public class OidcDiscovery extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdProvider provider;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcAnswers.json(response, request.getServletPath().equals("/oidc/jwks") ? provider.jwks() : provider.discovery(), true);
    }
}
