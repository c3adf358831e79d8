package dev.latchkey.app.web;

import dev.latchkey.app.config.LatchkeySettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /.well-known/passkey-endpoints} (W3C Passkey Endpoints: where a password manager sends
 * people to create and to manage passkeys for this site) and, in {@link RelatedOrigins},
 * {@code /.well-known/webauthn} (WebAuthn L3 §5.11.1, Related Origin Requests: other origins allowed
 * to use our RP ID; 404 unless configured). Both are read by clients at the RP ID's origin only.
 */
@WebServlet("/.well-known/passkey-endpoints")
public class WellKnown extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient LatchkeySettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = origin(request);
        write(response, Json.createObjectBuilder()
                .add("enroll", origin + "/account/passkeys/new")
                .add("manage", origin + Paths.ACCOUNT)
                .build().toString());
    }

    /** The configured origin this request came to, else the first configured one (never the Host header as such). */
    private String origin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        String asked = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return settings.allowedOrigins().contains(asked) ? asked : settings.allowedOrigins().iterator().next();
    }

    static void write(HttpServletResponse response, String json) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Public, the same for everyone: clients may cache it for a day.
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(json);
    }
}
