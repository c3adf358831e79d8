package dev.latchkey.app.web;

import dev.latchkey.credentials.api.CeremonyRejected;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One JSON endpoint of the WebAuthn script that needs no session, mapped to its exact path: POST
 * only (a GET is a 405 naming POST), and every rejected ceremony or unreadable request is a 4xx
 * problem with a readable message.
 */
public abstract class CeremonyEndpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    protected transient Views views;

    /** Serves the POST; a {@link CeremonyRejected} or {@link CeremonyExchange.BadRequest} it throws becomes a 4xx. */
    protected abstract void post(HttpServletRequest request, HttpServletResponse response) throws IOException;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            post(request, response);
        } catch (CeremonyRejected e) {
            views.plainProblem(request, response, CeremonyExchange.status(e.reason()), e.reason().name(), views.words(request, e));
        } catch (CeremonyExchange.BadRequest e) {
            views.plainProblem(request, response, e.status, "BAD_REQUEST", e.words);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        postOnly(views, request, response);
    }

    /** The 405 of a POST-only JSON endpoint. */
    static void postOnly(Views views, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        views.plainProblem(request, response, 405, "METHOD_NOT_ALLOWED", UiText.of("problem.postOnly"));
    }
}
