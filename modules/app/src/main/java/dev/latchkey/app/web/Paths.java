package dev.latchkey.app.web;

/** Where users go after signing in. */
public final class Paths {

    public static final String ACCOUNT = "/account/security";

    private Paths() {
    }

    /**
     * A same-site path to return to after sign-in, or the account page. Never throws, never
     * normalises: anything that is not plainly a path on this host is replaced, not repaired
     * (OWASP ASVS 5.0 V3.7.2, unvalidated redirects; RFC 3986 §3.3, §5.2.4). Refused: no leading
     * {@code /}, {@code //host} and {@code /\host} (protocol-relative), {@code .} and {@code ..}
     * segments (a browser or server resolving {@code /..//host} arrives at {@code //host}),
     * characters outside RFC 3986's path, query and fragment sets (controls, spaces, backslashes,
     * non-ASCII), a {@code %} that is not followed by two hex digits, and percent-encoded
     * slashes, backslashes, dots, percent signs, controls and non-ASCII bytes (decoded later by
     * somebody, they become one of the above).
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 512 || next.charAt(0) != '/') {
            return ACCOUNT;
        }
        int pathEnd = next.length();
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '%') {
                int octet = i + 2 < next.length() ? hex(next.charAt(i + 1)) * 16 + hex(next.charAt(i + 2)) : -1;
                if (octet < 0x20 || octet >= 0x7f || octet == '/' || octet == '\\' || octet == '.' || octet == '%') {
                    return ACCOUNT;
                }
                i += 2;
            } else if (!allowed(c)) {
                return ACCOUNT;
            } else if ((c == '?' || c == '#') && pathEnd == next.length()) {
                pathEnd = i;
            }
        }
        String path = next.substring(0, pathEnd);
        if (path.startsWith("//") || path.contains("//")) {
            return ACCOUNT;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return ACCOUNT;
            }
        }
        return next;
    }

    /** RFC 3986 unreserved, sub-delims, ":", "@", "/", "?" and "#" (the fragment's start). */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?#".indexOf(c) >= 0;
    }

    /** The value of a hex digit, or a large negative number (so that a sum stays negative). */
    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 || c > 'f' ? -1_000 : digit;
    }

    /** The step-up page, returning to {@code next} (a path of ours) afterwards. */
    public static String stepUp(String next) {
        return "/account/step-up?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The step-up page naming what it confirms ({@code for}, a key the page knows), then {@code next}. */
    public static String stepUp(String next, String purpose) {
        return stepUp(next) + "&for=" + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Whether a GET carries on an action the person already confirmed before a step-up ({@code ?resume}): only for
     * a navigation that the browser says came from one of our own pages ({@code Sec-Fetch-Site: same-origin}, W3C
     * Fetch Metadata). A link from another site, or a browser that sends no fetch metadata, gets the confirmation
     * page instead, so a cross-site request can never make the change (OWASP ASVS 5.0 V3.5, CSRF).
     */
    public static boolean resumes(jakarta.servlet.http.HttpServletRequest request) {
        return request.getParameter("resume") != null && "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
