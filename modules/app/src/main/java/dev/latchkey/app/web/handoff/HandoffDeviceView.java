package dev.latchkey.app.web.handoff;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code handoff-device}, device 2's page: the link's token and state, or state
 * {@code REFUSED} with the reason (the token then empty). It names no account.
 */
public record HandoffDeviceView(String token, String state, String error) implements PageView {

    @Override
    public String template() {
        return "handoff-device";
    }
}
