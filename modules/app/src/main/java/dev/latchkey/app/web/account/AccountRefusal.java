package dev.latchkey.app.web.account;

import dev.latchkey.app.web.Paths;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A refused change from a form of the account page that has its own servlet ("I lost this device",
 * "Remove my password"): the account page is shown again, with status 409 and the explanation next
 * to the form, by a forward to {@link AccountSecurityPage}, which renders it.
 */
final class AccountRefusal {

    private static final String REFUSED = AccountRefusal.class.getName() + ".refused";

    private AccountRefusal() {
    }

    /** @param refused the explanation, next to its form ({@code Refused.device}, {@code Refused.password}) */
    static void show(HttpServletRequest request, HttpServletResponse response, AccountSecurityView.Refused refused)
            throws IOException {
        request.setAttribute(REFUSED, refused);
        try {
            request.getRequestDispatcher(Paths.ACCOUNT).forward(request, response);
        } catch (ServletException e) {
            throw new IOException("The account page could not be shown", e);
        }
    }

    /** The refusal to render with 409, when this request is such a forward. */
    static Optional<AccountSecurityView.Refused> of(HttpServletRequest request) {
        return request.getAttribute(REFUSED) instanceof AccountSecurityView.Refused refused
                ? Optional.of(refused) : Optional.empty();
    }
}
