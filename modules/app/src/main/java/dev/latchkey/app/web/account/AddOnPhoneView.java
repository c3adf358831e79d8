package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code add-on-phone}: whether the registration policy accepts a passkey over hybrid. */
public record AddOnPhoneView(boolean hybridAllowed) implements PageView {

    @Override
    public String template() {
        return "add-on-phone";
    }
}
