package dev.latchkey.app.web;

import dev.latchkey.app.security.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Target of web.xml's error pages: a readable message, never a stack trace. */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

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
        };
        switch (status) {
            case 404 -> Problems.send(response, 404, "NOT_FOUND", "We could not find that page.", original);
            case 403 -> Problems.send(response, 403, "FORBIDDEN", "You are not allowed to do that.", original);
            case 405 -> Problems.send(response, 405, "METHOD_NOT_ALLOWED", "That request is not supported here.", original);
            default -> Problems.send(response, status >= 400 && status < 500 ? status : 500,
                    status >= 400 && status < 500 ? "BAD_REQUEST" : "SERVER_ERROR",
                    status >= 400 && status < 500 ? "We could not handle that request."
                            : "Something went wrong on our side. Please try again in a moment.", original);
        }
    }
}
