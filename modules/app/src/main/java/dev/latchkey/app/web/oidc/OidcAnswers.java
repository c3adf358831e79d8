package dev.latchkey.app.web.oidc;

import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.federation.api.OpenIdProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Writes the provider's answers. */
final class OidcAnswers {

    private OidcAnswers() {
    }

    static void write(HttpServletResponse response, OpenIdProvider.ProtocolAnswer answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(answer.body());
    }

    /** A redirect, or the refusal's page (or JSON) in the reader's language. */
    static void write(Views views, HttpServletRequest request, HttpServletResponse response,
                      OpenIdProvider.BrowserStep step) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (step instanceof OpenIdProvider.Redirect redirect) {
            response.sendRedirect(redirect.location());
        } else if (step instanceof OpenIdProvider.Refused refused) {
            views.plainProblem(request, response, refused.status(), "OIDC_REFUSED",
                    UiText.of("oidc.refused." + refused.reason().name()), refused.reason().english());
        }
    }

    static void json(HttpServletResponse response, String json, boolean cacheable) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Public, the same for everyone; kept short so that a rotation reaches clients soon.
        response.setHeader("Cache-Control", cacheable ? "public, max-age=300" : "no-store");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(json);
    }

    static Optional<String> header(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getHeader(name));
    }
}
