package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code signup-cancelled}: the sign-up was undone. {@code rpId} and {@code userId} (the removed
 * account's user handle) let the page script tell the passkey provider that no passkey of that user is accepted
 * any more ({@code signalAllAcceptedCredentials} with an empty list).
 */
public record SignUpCancelledView(String rpId, String userId) implements PageView {

    @Override
    public String template() {
        return "signup-cancelled";
    }
}
