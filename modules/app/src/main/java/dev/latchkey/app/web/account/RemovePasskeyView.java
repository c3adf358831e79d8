package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code remove-passkey}: "Remove this passkey?", naming it as its card does. */
public record RemovePasskeyView(PasskeyCardView passkey) implements PageView {

    @Override
    public String template() {
        return "remove-passkey";
    }
}
