package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code change-email}. Empty strings mean none: no pending new address, no error.
 *
 * @param current      the account's address now
 * @param pending      the new address a code was sent to
 * @param sent         a code was just sent
 * @param stepUpNeeded the form leads through step-up first, at {@code stepUpPath}
 */
public record ChangeEmailView(String current, String pending, boolean sent, boolean stepUpNeeded, String stepUpPath,
                              String emailError, String codeError, int validMinutes) implements PageView {

    @Override
    public String template() {
        return "change-email";
    }
}
