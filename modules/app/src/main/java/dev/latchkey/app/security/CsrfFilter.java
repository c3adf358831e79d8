package dev.latchkey.app.security;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.web.UiText;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery defence for every state-changing request (OWASP CSRF cheat sheet):
 * <ol>
 *   <li>the {@code Origin} header, when the browser sends one, must be one of the configured
 *       origins; {@code Sec-Fetch-Site: cross-site} is refused;</li>
 *   <li>a token from the {@code __Host-} CSRF cookie must come back in the {@code X-CSRF-Token}
 *       header (scripts) or the {@code _csrf} form field (forms).</li>
 * </ol>
 * Safe requests get the cookie when they lack it, and the token as a request attribute for pages.
 */
public class CsrfFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    public static final String TOKEN_ATTRIBUTE = "csrfToken";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * Back-channel endpoints of the OpenID Connect provider: called by a client's server, authenticated
     * by the client's credentials or a bearer token, never by the browser's cookies, so a forged
     * cross-site request carries no authority there (RFC 6749 §10.12 concerns the redirect, not these).
     */
    private static final Set<String> BACK_CHANNEL = Set.of("/oidc/token", "/oidc/userinfo", "/oidc/revoke", "/oidc/introspect");

    @Inject
    Cookies cookies;

    @Inject
    LatchkeySettings settings;

    @Inject
    dev.latchkey.app.web.Views views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> cookieToken = cookies.read(request, Cookies.CSRF).filter(t -> t.length() == 43);
        if (SAFE.contains(request.getMethod())) {
            String token = cookieToken.orElseGet(() -> {
                String fresh = Cookies.randomValue();
                cookies.write(response, Cookies.CSRF, fresh, "Strict");
                return fresh;
            });
            request.setAttribute(TOKEN_ATTRIBUTE, token);
            chain.doFilter(request, response);
            return;
        }
        if (BACK_CHANNEL.contains(request.getServletPath())) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !settings.allowedOrigins().contains(origin)) {
            views.plainProblem(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN_ORIGIN",
                    UiText.of("problem.foreignOrigin"), "This request came from a page we do not recognise.");
            return;
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            views.plainProblem(request, response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE",
                    UiText.of("problem.crossSite"), "This request came from another site.");
            return;
        }
        String presented = Optional.ofNullable(request.getHeader(HEADER))
                .or(() -> isForm(request) ? Optional.ofNullable(request.getParameter(FIELD)) : Optional.empty())
                .orElse("");
        if (cookieToken.isEmpty() || !MessageDigest.isEqual(cookieToken.get().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII))) {
            views.plainProblem(request, response, HttpServletResponse.SC_FORBIDDEN, "CSRF",
                    UiText.of("problem.csrf"), "Your page has expired. Reload it and try again.");
            return;
        }
        request.setAttribute(TOKEN_ATTRIBUTE, cookieToken.get());
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
