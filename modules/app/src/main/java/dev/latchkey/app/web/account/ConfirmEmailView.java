package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;

/** The view model of {@code confirm-email}: the address to confirm, whether a code was just resent, an error or {@code null}. */
public record ConfirmEmailView(String email, boolean resent, UiText error) implements PageView {

    @Override
    public String template() {
        return "confirm-email";
    }
}
