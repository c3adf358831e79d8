package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code signin}: where to go after signing in, the shared-computer mark, and
 * when a fallback form was refused, "Other ways to sign in" open with that form's message next to
 * it. A {@code null} message means none.
 *
 * @param next               a same-site path to return to ({@code Paths.safeNext})
 * @param shared             this is a shared computer (marked by the person or by the network)
 * @param sharedByNetwork    the mark comes from configuration, so the page offers no way to take it off
 * @param passwordEmail      the address typed into the password form, shown again
 */
public record SignInView(String next, boolean signedOut, boolean shared, boolean sharedByNetwork, boolean showOtherWays,
                         String passwordEmail, String passwordEmailError, String passwordError, String emailError,
                         String recoveryError, String hint, boolean passkeyRequired) implements PageView {

    @Override
    public String template() {
        return "signin";
    }

    /** The page as a GET shows it. */
    static SignInView page(String next, boolean signedOut, boolean shared, boolean sharedByNetwork) {
        return page(next, signedOut, shared, sharedByNetwork, null, false);
    }

    /**
     * The page for an application's sign-in: {@code hint} (its login_hint, a valid address) pre-fills the
     * address fields; {@code passkeyRequired} says that only a passkey will do for this application.
     */
    static SignInView page(String next, boolean signedOut, boolean shared, boolean sharedByNetwork, String hint,
                           boolean passkeyRequired) {
        return new SignInView(next, signedOut, shared, sharedByNetwork, false, hint, null, null, null, null, hint,
                passkeyRequired);
    }

    /** The email-code form was refused (no address, too many codes, an unusable code). */
    static SignInView emailCodeRefused(String next, boolean shared, boolean sharedByNetwork, String emailError) {
        return new SignInView(next, false, shared, sharedByNetwork, true, null, null, null, emailError, null, null, false);
    }

    /** The password form was refused: one of the two messages, next to its field. */
    static SignInView passwordRefused(String next, String passwordEmail, String passwordEmailError, String passwordError) {
        return new SignInView(next, false, false, false, true, passwordEmail, passwordEmailError, passwordError, null, null, null, false);
    }

    /** The recovery-code form was refused. */
    public static SignInView recoveryRefused(String next, boolean shared, boolean sharedByNetwork, String recoveryError) {
        return new SignInView(next, false, shared, sharedByNetwork, true, null, null, null, null, recoveryError, null, false);
    }
}
