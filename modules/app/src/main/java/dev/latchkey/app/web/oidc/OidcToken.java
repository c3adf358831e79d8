package dev.latchkey.app.web.oidc;

import dev.latchkey.federation.api.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /oidc/token}: a client's server exchanges a code or a refresh token; {@code /oidc/revoke}
 * (RFC 7009) and {@code /oidc/introspect} (RFC 7662) for confidential clients. The request-limits filter has already
 * decoded the form (and bounded it), so the form is handed over re-encoded, as received: Nimbus parses it.
 */
@WebServlet({"/oidc/token", "/oidc/revoke", "/oidc/introspect"})
public class OidcToken extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdProvider provider;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        Optional<String> type = Optional.ofNullable(request.getContentType());
        Optional<String> authorization = OidcAnswers.header(request, "Authorization");
        OidcAnswers.write(response, switch (request.getServletPath()) {
            case "/oidc/revoke" -> provider.revoke(body.toString(), type, authorization);
            case "/oidc/introspect" -> provider.introspect(body.toString(), type, authorization);
            default -> provider.token(body.toString(), type, authorization);
        });
    }
}
