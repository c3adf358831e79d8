package dev.latchkey.app.web.signin;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.UiText;

/**
 * The view model of {@code signin-methods}, the page after "Continue": every way this deployment offers to sign
 * in, for the address typed. It is built from the address and the request alone and never from an account, so
 * the page is the same whether or not an account uses the address (no account enumeration, OWASP ASVS 5.0
 * V6.3.8; NIST SP 800-63B-4 §5.2.2). A {@code null} message means none.
 *
 * @param email          the address typed (a valid one)
 * @param emailCodeError why a code was not sent (too many codes)
 * @param passwordError  why the password sign-in was refused
 */
public record SignInMethodsView(String email, String next, boolean shared, UiText emailCodeError, UiText passwordError)
        implements PageView {

    @Override
    public String template() {
        return "signin-methods";
    }

    static SignInMethodsView choices(String email, String next, boolean shared) {
        return new SignInMethodsView(email, next, shared, null, null);
    }

    static SignInMethodsView emailCodeRefused(String email, String next, boolean shared, UiText error) {
        return new SignInMethodsView(email, next, shared, error, null);
    }

    static SignInMethodsView passwordRefused(String email, String next, boolean shared, UiText error) {
        return new SignInMethodsView(email, next, shared, null, error);
    }
}
