package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A refused change from a form of the account page that has its own servlet ("I lost this device",
 * "Remove my password"): the account page is shown again, with status 409 and the explanation next
 * to the form, by a forward to {@link AccountSecurityPage}, which renders it.
 */
final class AccountRefusal {

    private static final String KEY = AccountRefusal.class.getName() + ".key";
    private static final String MESSAGE = AccountRefusal.class.getName() + ".message";

    private AccountRefusal() {
    }

    /** @param modelKey the template's name for the explanation ({@code deviceProblem}, {@code passwordProblem}) */
    static void show(HttpServletRequest request, HttpServletResponse response, String modelKey, String message)
            throws IOException {
        request.setAttribute(KEY, modelKey);
        request.setAttribute(MESSAGE, message);
        try {
            request.getRequestDispatcher(Paths.ACCOUNT).forward(request, response);
        } catch (ServletException e) {
            throw new IOException("The account page could not be shown", e);
        }
    }

    /** The model entry to render with 409, when this request is such a forward. */
    static Optional<Map<String, String>> of(HttpServletRequest request) {
        return request.getAttribute(KEY) instanceof String key && request.getAttribute(MESSAGE) instanceof String message
                ? Optional.of(Map.of(key, message)) : Optional.empty();
    }
}
