package dev.latchkey.app.web;

import dev.latchkey.app.config.PasskeyManagementSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code /.well-known/webauthn} (WebAuthn L3 §5.11.1, Related Origin Requests): the other origins
 * allowed to use our RP ID, {@code {"origins": [...]}}; 404 unless configured.
 */
@WebServlet("/.well-known/webauthn")
public class RelatedOrigins extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyManagementSettings passkeySettings;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> related = passkeySettings.relatedOrigins();
        if (related.isEmpty()) {
            views.plainProblem(request, response, 404, "NOT_FOUND", UiText.of("problem.nothingHere"));
            return;
        }
        JsonArrayBuilder origins = Json.createArrayBuilder();
        related.forEach(origins::add);
        WellKnown.write(response, Json.createObjectBuilder().add("origins", origins).build().toString());
    }
}
