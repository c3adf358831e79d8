package dev.latchkey.app.security;

import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Bounds on what a request may carry before anything reads it (OWASP ASVS 5.0 V4.2, V13.1):
 * <ul>
 *   <li>a body of more than {@link #MAX_BODY_BYTES} is refused unread with 413 (our largest forms
 *       and WebAuthn responses are a few kilobytes); without this, Liberty parses a form of any
 *       size into memory the first time a parameter is asked for;</li>
 *   <li>a form whose length is not declared up front (chunked) is refused with 411: browsers always
 *       declare it, and only a declared length can be checked before parsing;</li>
 *   <li>a query string or form that cannot be decoded ({@code %zz}) is a 400 here, once, instead of
 *       an exception in whichever servlet first asks for a parameter.</li>
 * </ul>
 * JSON bodies are read with their own bound by the endpoints ({@code CeremonyExchange}).
 */
public class RequestLimitsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** The most any request body may be: as the JSON endpoints' limit. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    @jakarta.inject.Inject
    transient Views views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            views.plainProblem(request, response, 413, "TOO_LARGE", UiText.of("request.tooLarge"), "That request is too large.");
            return;
        }
        if (isForm(request) && length < 0 && request.getHeader("Transfer-Encoding") != null) {
            views.plainProblem(request, response, 411, "LENGTH_REQUIRED", UiText.of("problem.lengthRequired"),
                    "Send the form again from its page.");
            return;
        }
        try {
            // Liberty decodes the query string and a form body together, on the first parameter read.
            request.getParameterMap();
        } catch (RuntimeException e) {
            views.plainProblem(request, response, 400, "BAD_REQUEST", UiText.of("problem.unreadable"),
                    "That address or form could not be read.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
