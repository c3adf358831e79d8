package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;
import java.util.List;

/**
 * The view model of {@code add-passkey}: on a shared computer only the advice not to; otherwise the
 * places the registration policy accepts (WebAuthn L3 hint values).
 */
public record AddPasskeyView(boolean shared, List<String> choices) implements PageView {

    @Override
    public String template() {
        return "add-passkey";
    }
}
