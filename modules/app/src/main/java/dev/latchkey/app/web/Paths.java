package dev.latchkey.app.web;

/** Where users go after signing in. */
public final class Paths {

    public static final String ACCOUNT = "/account/security";

    private Paths() {
    }

    /**
     * A same-site path to return to after sign-in, or the account page. Only absolute paths on
     * this host are accepted: never {@code //host}, {@code /\host} or a scheme (no open redirect).
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 512 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return ACCOUNT;
        }
        return next;
    }

    /** The step-up page, returning to {@code next} (a path of ours) afterwards. */
    public static String stepUp(String next) {
        return "/account/step-up?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }
}
