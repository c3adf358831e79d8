package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * One JSON endpoint of a signed-in account's ceremonies, mapped to its exact path under
 * {@code /api/account/}: POST only; without a session a 401 before anything else; every rejected
 * ceremony or unreadable request is a 4xx problem with a readable message.
 */
public abstract class AccountCeremonyEndpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Words a refused ceremony in the reader's language ({@code Views.words}). */
    @jakarta.inject.Inject
    protected transient dev.latchkey.app.web.Views views;

    /** Serves the POST of a signed-in session; what it throws of ceremonies and requests becomes a 4xx. */
    protected abstract void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession session)
            throws IOException;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = signedIn(views, request, response);
        if (session.isEmpty()) {
            return;
        }
        try {
            post(request, response, session.get());
        } catch (StepUpProof.Expired e) {
            stepUpRequired(request, response);
        } catch (CeremonyRejected e) {
            views.plainProblem(request, response, CeremonyExchange.status(e.reason()), e.reason().name(), views.words(request, e));
        } catch (CeremonyExchange.BadRequest e) {
            views.plainProblem(request, response, e.status, "BAD_REQUEST", e.words);
        }
    }

    /** The session, or a 401 already sent. */
    static Optional<Sessions.SignedInSession> signedIn(dev.latchkey.app.web.Views views, HttpServletRequest request,
                                                      HttpServletResponse response)
            throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            views.plainProblem(request, response, 401, "SIGNED_OUT", dev.latchkey.app.web.UiText.of("problem.signedOut"),
                    "Your session has ended. Sign in again.");
        }
        return session;
    }

    /**
     * The session's step-up proof, which the sensitive operation demands; without a recent step-up,
     * {@link StepUpProof.Expired}, answered with a 403 that says so.
     */
    protected static StepUpProof proof(StepUp stepUp, Sessions.SignedInSession s) {
        return stepUp.proof(s.sessionId()).orElseThrow(StepUpProof.Expired::new);
    }

    private void stepUpRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        views.plainProblem(request, response, 403, "STEP_UP_REQUIRED", dev.latchkey.app.web.UiText.of("problem.stepUp"),
                "For your security, confirm it is you with your passkey first.");
    }
}
