package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code remove-password}: "Remove your password?", with the day it was set. */
public record RemovePasswordView(String setOn, String setOnIso) implements PageView {

    @Override
    public String template() {
        return "remove-password";
    }
}
