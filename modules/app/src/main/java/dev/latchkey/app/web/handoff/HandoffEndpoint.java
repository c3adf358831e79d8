package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Device 2's JSON endpoints, no session needed (the link is the only credential, and it grants
 * nothing but this one passkey, pending until paired): {@link HandoffOptionsApi},
 * {@link HandoffFinishApi}, {@link HandoffStatusApi}. A refused handoff step is a 4xx with the
 * module's words in the reader's language.
 */
public abstract class HandoffEndpoint extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    /** Serves the POST; a {@link Handoffs.Refused} it throws becomes a 4xx. */
    protected abstract void postHandoff(HttpServletRequest request, HttpServletResponse response) throws IOException;

    @Override
    protected final void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            postHandoff(request, response);
        } catch (Handoffs.Refused e) {
            HandoffRefusals.retryAfter(e, response);
            views.plainProblem(request, response, HandoffRefusals.status(e.reason()), e.reason().name(),
                    HandoffRefusals.said(views, request, e));
        }
    }

    static String token(Map<?, ?> body) {
        return body.get("token") instanceof String s ? s : "";
    }
}
