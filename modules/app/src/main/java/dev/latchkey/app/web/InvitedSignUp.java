package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.OperatorPolicy;
import dev.latchkey.identity.api.SignUpPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

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

    @Inject
    PasskeyCeremonies ceremonies;

    @Inject
    Invitations invitations;

    @Inject
    Accounts accounts;

    @Inject
    OperatorPolicy operators;

    @Inject
    SignUpPolicy policy;

    Optional<String> token(HttpServletRequest request) {
        return cookies.read(request, COOKIE).filter(t -> t.length() == 43);
    }

    void remember(HttpServletResponse response, String token) {
        cookies.writeLasting(response, COOKIE, token, "Strict", Invitations.VALID_FOR);
    }

    void forget(HttpServletResponse response) {
        cookies.clear(response, COOKIE);
    }

    /**
     * Creates the account and its passkey and, in invitation mode, spends the invitation, all in
     * one transaction: a link that is no longer usable (spent by a concurrent sign-up a moment
     * ago, revoked, expired) leaves no account behind.
     */
    @Transactional
    public UUID finish(String credentialJson, CeremonyBinding binding, Optional<String> token) {
        UUID accountId = ceremonies.finishSignUp(credentialJson, binding);
        if (policy.byInvitation()) {
            var account = accounts.find(accountId).orElseThrow();
            if (token.isPresent() || !operators.lists(account.email())) {
                invitations.redeem(token.orElse(null), accountId);
            }
        }
        return accountId;
    }
}
