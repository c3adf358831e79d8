package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.PageView;

/** The view model of {@code signup-invitation-needed}: sign-up is by invitation and this browser has none. */
public record InvitationNeededView() implements PageView {

    @Override
    public String template() {
        return "signup-invitation-needed";
    }
}
