package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code recovered}, after a sign-in with a recovery code: codes left, and whether this is a shared computer. */
public record RecoveredView(int remaining, boolean shared) implements PageView {

    @Override
    public String template() {
        return "recovered";
    }
}
