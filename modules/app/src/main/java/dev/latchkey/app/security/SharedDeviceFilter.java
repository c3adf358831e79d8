package dev.latchkey.app.security;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * On a shared or public device (a bank counter's computer, a library PC: {@link SharedDevices}) a
 * signed-in visit gets what it came for and nothing of the personal account's management: no passkeys,
 * password, recovery codes, devices or email change there, where the next person may sit down at any
 * moment (OWASP ASVS 5.0 V7, sessions on shared devices). The account page itself shows a short
 * version with "Sign out" first; everything else under {@code /account/} and {@code /api/account/}
 * is refused with a clear message (403; a page leads back to the account page), and nothing changes.
 * Mapped in web.xml after the CSRF filter.
 */
public class SharedDeviceFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** What a visit on a shared device may still do: see who is signed in, confirm the address just given. */
    static final List<String> ALLOWED = List.of(Paths.ACCOUNT, "/account/confirm-email");

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient dev.latchkey.app.web.Views views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null || allowed(path(request)) || !sharedDevices.isShared(request)) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod()) && !path(request).startsWith("/api/")) {
            response.sendRedirect(Paths.ACCOUNT + "?sharedDevice");
            return;
        }
        views.plainProblem(request, response, 403, "SHARED_DEVICE", dev.latchkey.app.web.UiText.of("problem.sharedDevice"),
                "This is a shared computer: your account's settings are not changed here. Sign out, and manage them"
                        + " on your own phone or computer.");
    }

    static boolean allowed(String path) {
        return ALLOWED.stream().anyMatch(a -> path.equals(a) || path.startsWith(a + "/"));
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }
}
