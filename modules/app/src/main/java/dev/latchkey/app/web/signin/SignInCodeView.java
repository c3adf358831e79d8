package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;

/**
 * The view model of {@code signin-code}: the form for the code mailed to {@code email}.
 *
 * @param email        the address the code went to, or empty
 * @param error        why the last code was refused, or {@code null}
 * @param validMinutes how long a code lasts
 */
public record SignInCodeView(String email, UiText error, String next, int validMinutes) implements PageView {

    @Override
    public String template() {
        return "signin-code";
    }
}
