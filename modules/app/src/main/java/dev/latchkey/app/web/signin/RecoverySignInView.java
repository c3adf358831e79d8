package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;

/**
 * The view model of {@code signin-recovery}: sign-in with a recovery code, a page of its own (the lost-device path,
 * away from the everyday sign-in). A {@code null} value means none.
 */
public record RecoverySignInView(String next, String email, UiText error) implements PageView {

    @Override
    public String template() {
        return "signin-recovery";
    }

    public static RecoverySignInView page(String next) {
        return new RecoverySignInView(next, null, null);
    }

    /** The code was refused: the typed address again, and why. */
    public static RecoverySignInView refused(String next, String typed, UiText error) {
        return new RecoverySignInView(next,
                typed == null || typed.length() > dev.latchkey.identity.api.EmailAddress.MAX_LENGTH ? null : typed.strip(),
                error);
    }
}
