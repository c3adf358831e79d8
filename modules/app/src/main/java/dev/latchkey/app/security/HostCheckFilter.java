package dev.latchkey.app.security;

import dev.latchkey.app.config.LatchkeySettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Answers 400 to a request whose {@code Host} header names none of the configured origins
 * ({@code LATCHKEY_RP_ORIGINS}). Liberty builds the absolute {@code Location} of every redirect, and the
 * pages build links, from the request's host: a forged {@code Host} (cache poisoning, password-reset and
 * sign-in link poisoning) must never get that far (OWASP ASVS 5.0 V4.1.x / WSTG-INPV-17, Host header
 * injection; RFC 9110 §7.2). A proxy in front must pass the public {@code Host} on.
 */
public class HostCheckFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    LatchkeySettings settings;

    @Inject
    dev.latchkey.app.web.Views views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!allowed(settings.allowedOrigins(), request.getHeader("Host"))) {
            answerUnknownHost(settings.allowedOrigins(), views, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The answer to a Host that names none of our origins: the same server under its loopback address is sent on
     * to its {@code http://localhost} origin (GET and HEAD) or told to go there; anything else is refused.
     */
    static void answerUnknownHost(Set<String> origins, dev.latchkey.app.web.Views views, HttpServletRequest request,
                                  HttpServletResponse response)
            throws IOException {
        java.util.Optional<String> localhost = localhostFor(origins, request.getHeader("Host"));
        if (localhost.isPresent() && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // http://127.0.0.1:9080 is the same server as http://localhost:9080, but passkeys are bound to the
            // name (WebAuthn L3 §5.1.3: the RP ID must be a registrable suffix of the origin's host): send the
            // browser to the configured origin. The Location is built from our configuration, never the header.
            String query = request.getQueryString();
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(localhost.get() + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        if (localhost.isPresent()) {
            views.plainProblem(request, response, HttpServletResponse.SC_BAD_REQUEST, "UNKNOWN_HOST",
                    dev.latchkey.app.web.UiText.of("problem.useLocalhost", localhost.get()),
                    "Passkeys work on " + localhost.get() + ", not on an IP address: open " + localhost.get()
                            + " instead.");
            return;
        }
        refuse(views, request, response);
    }

    /** The 400 for a Host that names none of our origins; the header is not echoed. */
    static void refuse(dev.latchkey.app.web.Views views, HttpServletRequest request, HttpServletResponse response) throws IOException {
        views.plainProblem(request, response, HttpServletResponse.SC_BAD_REQUEST, "UNKNOWN_HOST",
                dev.latchkey.app.web.UiText.of("problem.unknownHost"), "This server does not answer to that address.");
    }

    /**
     * For a Host of 127.0.0.1 or [::1] with a port that a {@code http://localhost} origin has: that origin (the same
     * server, under the name passkeys are bound to).
     */
    static java.util.Optional<String> localhostFor(Set<String> origins, String host) {
        if (host == null) {
            return java.util.Optional.empty();
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || colon < h.lastIndexOf(']')) {
            return java.util.Optional.empty();
        }
        String name = h.substring(0, colon);
        String port = h.substring(colon + 1);
        if (!name.equals("127.0.0.1") && !name.equals("[::1]")) {
            return java.util.Optional.empty();
        }
        return origins.stream().filter(o -> o.equals("http://localhost:" + port)).findFirst();
    }

    /**
     * Whether the Host header names one of the origins: host and port equal, a missing port meaning the
     * scheme's default (80 for http, 443 for https).
     */
    static boolean allowed(Set<String> origins, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        boolean hasPort = h.lastIndexOf(':') > h.lastIndexOf(']');
        for (String origin : origins) {
            URI u = URI.create(origin);
            int defaultPort = "https".equals(u.getScheme()) ? 443 : 80;
            String expected = u.getHost().toLowerCase(Locale.ROOT) + ":" + (u.getPort() >= 0 ? u.getPort() : defaultPort);
            if (expected.equals(hasPort ? h : h + ":" + defaultPort)) {
                return true;
            }
        }
        return false;
    }
}
