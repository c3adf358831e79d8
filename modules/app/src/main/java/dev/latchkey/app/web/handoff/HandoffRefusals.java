package dev.latchkey.app.web.handoff;

import dev.latchkey.nudges.api.Handoffs;
import jakarta.servlet.http.HttpServletResponse;

/** The HTTP status of each refused handoff step (always a 4xx) and its words in the reader's language. */
final class HandoffRefusals {

    private HandoffRefusals() {
    }

    static int status(Handoffs.Refused.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> 404;
            case EXPIRED, USED -> 410;
            case IN_USE, NOT_READY -> 409;
            case WRONG_CODE -> 422;
            case TOO_MANY_TRIES, TOO_MANY_LINKS, TOO_MANY_UNKNOWN_LINKS -> 429;
        };
    }

    /** A refusal that waiting ends says how long, in Retry-After (RFC 9110 §10.2.3). */
    static void retryAfter(Handoffs.Refused refused, HttpServletResponse response) {
        refused.retryAfter().ifPresent(d -> response.setHeader("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
    }

    /** What the page (or the page script, from the JSON) says for a refusal, in the reader's language. */
    static String said(dev.latchkey.app.web.Views views, jakarta.servlet.http.HttpServletRequest request,
                       Handoffs.Refused refused) {
        return said(views, request, views.language(request), refused.words());
    }

    private static String said(dev.latchkey.app.web.Views views, jakarta.servlet.http.HttpServletRequest request,
                               java.util.Locale locale, dev.latchkey.nudges.api.Words words) {
        Object[] args = words.args().stream()
                .map(a -> a instanceof dev.latchkey.nudges.api.Words w ? said(views, request, locale, w) : a)
                .toArray();
        return views.message(request, locale, words.key(), args);
    }
}
