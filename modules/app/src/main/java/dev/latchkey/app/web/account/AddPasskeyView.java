package dev.latchkey.app.web.account;

import dev.latchkey.education.api.Tip;
import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * The view model of {@code add-passkey}: on a shared computer only the advice not to; otherwise the
 * places the registration policy accepts (WebAuthn L3 hint values), with education's tip on what happens
 * next ({@code null} on a shared computer).
 */
public record AddPasskeyView(boolean shared, List<String> choices, Tip tip) implements PageView {

    @Override
    public String template() {
        return "add-passkey";
    }
}
