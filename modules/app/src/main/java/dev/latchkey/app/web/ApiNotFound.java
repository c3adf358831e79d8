package dev.latchkey.app.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /api/*} where no endpoint is mapped to the exact path (the container prefers an exact
 * mapping to this prefix one): a POST is a 404, a GET a 405 naming POST, both as problem JSON.
 * {@code /api/account/*} has its own ({@code AccountApiNotFound}): signed-out callers learn that first.
 */
@WebServlet("/api/*")
public class ApiNotFound extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient Views views;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        views.plainProblem(request, response, 404, "NOT_FOUND", UiText.of("problem.nothingHere"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyEndpoint.postOnly(views, request, response);
    }
}
