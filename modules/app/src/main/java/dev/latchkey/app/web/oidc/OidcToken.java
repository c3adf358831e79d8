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
 * {@code POST /oidc/token}: a client's server exchanges a code. The request-limits filter has already
 * decoded the form (and bounded it), so the form is handed over re-encoded, as received: Nimbus parses it.
 */
@WebServlet("/oidc/token")
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
        OidcAnswers.write(response, provider.token(body.toString(), Optional.ofNullable(request.getContentType()),
                OidcAnswers.header(request, "Authorization")));
    }
}
