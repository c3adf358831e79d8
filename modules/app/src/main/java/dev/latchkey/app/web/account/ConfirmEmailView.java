package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code confirm-email}: the address to confirm, whether a code was just resent, an error or empty. */
public record ConfirmEmailView(String email, boolean resent, String error) implements PageView {

    @Override
    public String template() {
        return "confirm-email";
    }
}
