package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.account.ConfirmEmailPage;
import dev.latchkey.credentials.api.PasskeyCeremonies;

import dev.latchkey.identity.api.SignedIn;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import dev.latchkey.identity.api.Invitations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/signup/finish {credential, client}}: creates the account with its first passkey,
 * signs the browser in and sends the code that confirms the address.
 */
@WebServlet("/api/signup/finish")
public class SignUpFinishApi extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient EmailConfirmations confirmations;

    @Inject
    transient InvitedSignUp invitedSignUp;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        SignedIn signedIn;
        Optional<String> invitation = invitedSignUp.token(request);
        try {
            // One transaction: account, passkey (created on this browser's device), invitation, session.
            signedIn = ceremonies.finishSignUp(finish.credentialJson(), exchange.existingBinding(request), invitation,
                    signInSessions.context(request, finish.client()));
        } catch (Invitations.Unusable e) {
            views.problem(request, response, 410, "INVITATION_UNUSABLE", dev.latchkey.app.web.UiText.of("signup.error.invitationUnusable"));
            return;
        }
        if (invitation.isPresent()) {
            invitedSignUp.forget(response);
        }
        signInSessions.keep(response, signedIn);
        try {
            // A use case of its own: the address is the account's once the code this mails is entered.
            confirmations.send(signedIn.accountId());
        } catch (EmailCodes.TooManyRequests e) {
            // The confirmation page offers to send a code again later.
        }
        exchange.writeJson(response, 200, Map.of("redirect", ConfirmEmailPage.PATH));
    }
}
