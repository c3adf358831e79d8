package dev.latchkey.app.web.signup;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.identity.api.Invitations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Sign-up with an invitation link. Opening the link puts its token in an HttpOnly, SameSite=Strict
 * cookie (and takes it out of the address bar); the sign-up calls read it from there, so the page
 * script needs to know nothing about invitations.
 *
 * <p>The invitation decides only <em>who may sign up</em>. The address is still confirmed by the
 * usual code afterwards: possession of the link does prove access to the mailbox, but a link
 * lives for a week and may be forwarded, and keeping the one confirmation path means an address
 * that already has an account is handled exactly as in open sign-up (its owner is told, nothing is
 * taken over).
 */
@ApplicationScoped
public class InvitedSignUp {

    static final String COOKIE = "latchkey_invitation";

    @Inject
    Cookies cookies;

    public Optional<String> token(HttpServletRequest request) {
        return cookies.read(request, COOKIE).filter(t -> t.length() == 43);
    }

    public void remember(HttpServletResponse response, String token) {
        cookies.writeLasting(response, COOKIE, token, "Strict", Invitations.VALID_FOR);
    }

    public void forget(HttpServletResponse response) {
        cookies.clear(response, COOKIE);
    }
}
