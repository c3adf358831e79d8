package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code change-email}. Empty strings mean none: no pending new address, no error.
 *
 * @param current      the account's address now
 * @param pending      the new address a code was sent to
 * @param sent         a code was just sent
 * @param stepUpNeeded the form leads through step-up first, at {@code stepUpPath}
 * @param emailError   the message key of the new address's error ({@code account.properties}), or empty
 * @param codeError    the message key of the code's error, or empty
 */
public record ChangeEmailView(String current, String pending, boolean sent, boolean stepUpNeeded, String stepUpPath,
                              String emailError, String codeError, int validMinutes) implements PageView {

    @Override
    public String template() {
        return "change-email";
    }
}
