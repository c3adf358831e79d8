package dev.latchkey.app.security;

import dev.latchkey.app.config.LatchkeySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Latchkey's cookies. All are HttpOnly and SameSite; over HTTPS they are Secure and carry the
 * {@code __Host-} prefix, which pins them to this host and path {@code /} so that a sibling
 * subdomain cannot plant one.
 */
@ApplicationScoped
public class Cookies {

    /** The opaque session token. */
    public static final String SESSION = "latchkey_session";
    /** Double-submit CSRF token. */
    public static final String CSRF = "latchkey_csrf";
    /** Binds pending WebAuthn ceremonies to this browser. */
    public static final String CEREMONY = "latchkey_ceremony";
    /** The pending email-code sign-in of this browser. */
    public static final String CODE_ATTEMPT = "latchkey_code_attempt";
    /** Recognises this browser profile as a device; identifies no one on its own. */
    public static final String DEVICE = "latchkey_device";
    /** Chrome caps cookie lifetimes at 400 days. */
    static final java.time.Duration DEVICE_MAX_AGE = java.time.Duration.ofDays(400);
    /** The help language the user chose (a language tag such as {@code de}); kept for a year. */
    public static final String LANGUAGE = "latchkey_lang";
    /** Random, per browser: lets "Was this helpful?" count one answer per article and browser; kept for a year. */
    public static final String FEEDBACK = "latchkey_feedback";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    LatchkeySettings settings;

    public String name(String base) {
        return settings.secureCookies() ? "__Host-" + base : base;
    }

    public Optional<String> read(HttpServletRequest request, String base) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = name(base);
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Sets a cookie for the browser session (no Max-Age): closing the browser forgets it, the
     * server-side row decides how long it is honoured.
     */
    public void write(HttpServletResponse response, String base, String value, String sameSite) {
        Cookie cookie = new Cookie(name(base), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        cookie.setAttribute("SameSite", sameSite);
        response.addCookie(cookie);
    }

    /** A long-lived, SameSite=Lax cookie (the device and shared-device marks), renewed when written again. */
    public void writeLasting(HttpServletResponse response, String base, String value) {
        writeLasting(response, base, value, "Lax", DEVICE_MAX_AGE);
    }

    /** Like {@link #write}, but remembered across browser restarts for {@code maxAge}. */
    public void writeLasting(HttpServletResponse response, String base, String value, String sameSite,
                             java.time.Duration maxAge) {
        Cookie cookie = new Cookie(name(base), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        cookie.setAttribute("SameSite", sameSite);
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        response.addCookie(cookie);
    }

    public void clear(HttpServletResponse response, String base) {
        Cookie cookie = new Cookie(name(base), "");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    public static String randomValue() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
