package dev.latchkey.app.web.account;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /api/account/*} where no endpoint is mapped to the exact path: without a session a 401
 * (as at every account endpoint), otherwise a 404, both as problem JSON.
 */
@WebServlet("/api/account/*")
public class AccountApiNotFound extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient dev.latchkey.app.web.Views views;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (AccountCeremonyEndpoint.signedIn(views, request, response).isPresent()) {
            views.plainProblem(request, response, 404, "NOT_FOUND", dev.latchkey.app.web.UiText.of("problem.nothingHere"));
        }
    }
}
