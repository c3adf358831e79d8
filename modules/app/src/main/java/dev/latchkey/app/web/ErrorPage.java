package dev.latchkey.app.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Target of web.xml's error pages: a readable message in the reader's language (the {@code error} page, or JSON
 * for scripts), never a stack trace.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Inject
    transient Views views;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null && status >= 500) {
            LOG.log(Level.SEVERE, "Unhandled error on " + uri, error);
        }
        HttpServletRequest original = new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri == null ? super.getRequestURI() : uri.toString();
            }

            @Override
            public String getQueryString() {
                return null;
            }
        };
        boolean clientError = status >= 400 && status < 500;
        int shown = clientError ? status : 500;
        String reason = switch (status) {
            case 404 -> "NOT_FOUND";
            case 403 -> "FORBIDDEN";
            case 405 -> "METHOD_NOT_ALLOWED";
            default -> clientError ? "BAD_REQUEST" : "SERVER_ERROR";
        };
        UiText message = UiText.of(switch (status) {
            case 404 -> "error.notFound";
            case 403 -> "error.forbidden";
            case 405 -> "error.methodNotAllowed";
            default -> clientError ? "error.badRequest" : "error.server";
        });
        try {
            views.problem(original, response, shown, reason, message);
        } catch (RuntimeException e) {
            // The page itself failed (whatever broke the request may break it too): the plain answer, English should the
            // message bundle fail as well.
            LOG.log(Level.WARNING, "the error page could not be rendered", e);
            if (!response.isCommitted()) {
                response.reset();
                // Its words still come in the reader's language when the bundle can be read (plainProblem).
                views.plainProblem(original, response, shown, reason, message, clientError
                        ? "We could not handle that request." : "Something went wrong on our side. Please try again in a moment.");
            }
        }
    }
}
