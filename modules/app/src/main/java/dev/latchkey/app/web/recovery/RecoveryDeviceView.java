package dev.latchkey.app.web.recovery;

import dev.latchkey.app.web.PageView;

/**
 * {@code recover-device}: the person's page of an assisted recovery, with the link's token, or state
 * {@code REFUSED} with the reason (the token then empty). It names no account.
 *
 * @param shared whether the refusal is because this is a shared device
 */
public record RecoveryDeviceView(String token, String state, String error, boolean shared) implements PageView {

    @Override
    public String template() {
        return "recover-device";
    }
}
