package dev.latchkey.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Response headers on every response (mapped first in web.xml). */
public class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** No inline script or style anywhere: pages hand data to scripts through data-* attributes. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!request.getRequestURI().startsWith("/static/") && !request.getRequestURI().startsWith("/webjars/")) {
            // Pages and JSON carry per-user state: never cached.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new RetryAfterOnTooManyRequests(response));
    }

    /**
     * Every 429 says when to come back (RFC 6585 §4, RFC 9110 §10.2.3): a refusal that knows its
     * wait sets Retry-After itself, before or after the status; any other (a suspension that only
     * the owner's passkey lifts, a refusal with no clock) gets {@link #DEFAULT_RETRY_AFTER_SECONDS},
     * so that no client is told "too many" without a pace to keep.
     */
    static final int DEFAULT_RETRY_AFTER_SECONDS = 60;

    static final class RetryAfterOnTooManyRequests extends jakarta.servlet.http.HttpServletResponseWrapper {
        RetryAfterOnTooManyRequests(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            paced(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            paced(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            paced(sc);
            super.sendError(sc, msg);
        }

        private void paced(int sc) {
            if (sc == 429 && !containsHeader("Retry-After")) {
                setHeader("Retry-After", String.valueOf(DEFAULT_RETRY_AFTER_SECONDS));
            }
        }
    }
}
