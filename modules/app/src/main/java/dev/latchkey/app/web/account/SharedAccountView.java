package dev.latchkey.app.web.account;

import dev.latchkey.education.api.Tip;
import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code account-shared}: the account page on a shared computer, who is signed in
 * and "Sign out", nothing to manage.
 *
 * @param turnedAway the person followed a link to a page that is not offered on a shared computer
 * @param tip        education's tip for a shared computer, or {@code null}
 */
public record SharedAccountView(String displayName, String email, boolean turnedAway, Tip tip) implements PageView {

    @Override
    public String template() {
        return "account-shared";
    }
}
