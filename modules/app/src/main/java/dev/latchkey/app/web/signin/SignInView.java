package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;

/**
 * The view model of {@code signin}, the identifier-first page: one email field (with passkey autofill) and
 * "Continue", and a passkey button for those who know their passkey is at hand. A {@code null} value means none.
 *
 * @param next            a same-site path to return to ({@code Paths.safeNext})
 * @param shared          this is a shared computer (marked by the person or by the network)
 * @param sharedByNetwork the mark comes from configuration, so the page offers no way to take it off
 * @param email           the address typed, shown again after a refusal
 * @param emailError      why the address was refused
 * @param passkeyRequired an application asks for a passkey (acr phr): the page says so
 */
public record SignInView(String next, boolean signedOut, boolean shared, boolean sharedByNetwork, String email,
                         UiText emailError, boolean passkeyRequired) implements PageView {

    @Override
    public String template() {
        return "signin";
    }

    /** The page as a GET shows it. */
    static SignInView page(String next, boolean signedOut, boolean shared, boolean sharedByNetwork) {
        return page(next, signedOut, shared, sharedByNetwork, null, false);
    }

    /**
     * The page for an application's sign-in: {@code hint} (its login_hint, a valid address) pre-fills the
     * address field; {@code passkeyRequired} says that only a passkey will do for this application.
     */
    static SignInView page(String next, boolean signedOut, boolean shared, boolean sharedByNetwork, String hint,
                           boolean passkeyRequired) {
        return new SignInView(next, signedOut, shared, sharedByNetwork, hint, null, passkeyRequired);
    }

    /** The address was refused (not an address, or a code that can no longer be used): the field says why. */
    static SignInView emailRefused(String next, boolean shared, boolean sharedByNetwork, String typed, UiText emailError) {
        return new SignInView(next, false, shared, sharedByNetwork,
                typed == null || typed.length() > dev.latchkey.identity.api.EmailAddress.MAX_LENGTH ? null : typed.strip(),
                emailError, false);
    }
}
