package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.nudges.PageWords;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.nudges.api.Coverage;
import dev.latchkey.nudges.api.StepUpHere;
import dev.latchkey.nudges.api.Words;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /account/step-up}: "Confirm it's you" with a passkey, then back to where the user was.
 * Signed-in users only (web.xml). On a device where no passkey of the account can answer (they are all on
 * other computers, {@link StepUpHere}), it leads with what works here: a link made on that computer (the link
 * handoff) and, if one is left, a recovery code.
 */
@WebServlet("/account/step-up")
public class StepUpPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient Coverage coverage;

    @Inject
    transient PageWords pageWords;

    @Inject
    transient ReaderLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        String next = Paths.safeNext(request.getParameter("next"));
        String purpose = StepUpView.purpose(request.getParameter("for"));
        StepUpHere here = coverage.stepUpHere(session.get().accountId(), session.get().deviceId());
        if (here.passkeyCanAnswer()) {
            views.render(request, response, 200, new StepUpView(next, purpose));
            return;
        }
        Locale locale = language.of(request);
        Function<Words, String> say = pageWords.in(request, locale);
        Object computers = Words.or(here.passkeysOn());
        views.render(request, response, 200, new StepUpView(next, purpose,
                say.apply(Words.of("stepup.elsewhere.text", computers)),
                say.apply(Words.of("stepup.elsewhere.link", computers)),
                here.recoveryCode() ? "/signin/recovery?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : null));
    }
}
