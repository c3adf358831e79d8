package dev.latchkey.app.web.recovery;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.insights.api.AssistedRecovery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The person's JSON endpoints, no session ({@link RecoveryOptionsApi}, {@link RecoveryFinishApi}): a
 * refused step is a 4xx with the module's words in the reader's language.
 */
public abstract class RecoveryEndpoint extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient dev.latchkey.app.web.nudges.PageWords words;

    protected abstract void postRecovery(HttpServletRequest request, HttpServletResponse response) throws IOException;

    @Override
    protected final void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            postRecovery(request, response);
        } catch (AssistedRecovery.Refused e) {
            retryAfter(e, response);
            views.plainProblem(request, response, status(e.reason()), e.reason().name(),
                    words.in(request, views.language(request)).apply(e.words()));
        }
    }

    static String token(Map<?, ?> body) {
        return body.get("token") instanceof String s ? s : "";
    }

    /** The HTTP status of each refusal, console and phone alike: always a 4xx. */
    public static int status(AssistedRecovery.Refused.Reason reason) {
        return switch (reason) {
            case INVALID -> 422;
            case NOT_FOUND, UNKNOWN -> 404;
            case NOT_ALLOWED, SHARED_DEVICE -> 403;
            case CANNOT_APPROVE, IN_USE -> 409;
            case EXPIRED, USED -> 410;
            case TOO_MANY, TOO_MANY_UNKNOWN_LINKS -> 429;
        };
    }

    /** A refusal that waiting ends says how long (RFC 9110 §10.2.3). */
    static void retryAfter(AssistedRecovery.Refused refused, HttpServletResponse response) {
        refused.retryAfter().ifPresent(d -> response.setHeader("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
    }
}
