package dev.latchkey.app.web.learn;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.education.api.Languages;
import dev.latchkey.identity.api.Accounts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /language}: the language switcher in every page's header (CSRF-checked like every POST).
 * Stores the choice in the language cookie and goes back to the page it came from; works without script.
 * For a signed-in person the choice is also the language of their account's mail from now on.
 */
@WebServlet("/language")
public class LanguageChoice extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ReaderLanguage language;

    @Inject
    transient Accounts accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Locale> chosen = Languages.byTag(request.getParameter("lang"));
        if (chosen.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        language.remember(response, chosen.get());
        if (request.getUserPrincipal() != null) {
            accounts.preferLanguage(UUID.fromString(request.getUserPrincipal().getName()), chosen.get());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", backTo(request.getParameter("next")));
    }

    /** Only back to a page on this site (no open redirect, {@link Paths#safeNext}); anything else goes to {@code /}. */
    static String backTo(String next) {
        String safe = Paths.safeNext(next);
        return safe.equals(next) ? safe : "/";
    }
}
