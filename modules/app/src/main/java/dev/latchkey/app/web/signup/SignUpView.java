package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;
import java.util.Map;

/**
 * The view model of {@code signup}: the form as typed, its errors by field, whether the address
 * comes from an invitation (then it cannot be changed), and whether the form was fine and only
 * script is missing to create the passkey.
 */
public record SignUpView(String email, String displayName, Map<String, UiText> errors, boolean invited,
                         boolean needsScript) implements PageView {

    @Override
    public String template() {
        return "signup";
    }
}
