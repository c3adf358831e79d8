package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.SignUpGate;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/signup/options {email, displayName}}: checks the form and the sign-up gate, then
 * returns the creation options for the new account's first passkey.
 */
@WebServlet("/api/signup/options")
public class SignUpOptionsApi extends CeremonyEndpoint {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient SignUpGate signUpGate;

    @Inject
    transient InvitedSignUp invitedSignUp;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> form = exchange.readObject(request);
        NewAccount.Validation validation = NewAccount.validate(string(form.get("email")), string(form.get("displayName")));
        if (!validation.valid()) {
            exchange.writeJson(response, 422, Map.of("reason", "INVALID", "error", "Please correct the marked fields.",
                    "errors", validation.errors()));
            return;
        }
        NewAccount account = validation.account().orElseThrow();
        Optional<SignUpGate.Refusal> refusal = signUpGate.refusal(account.email(), invitedSignUp.token(request));
        if (refusal.isPresent()) {
            exchange.writeJson(response, refusal.get().status(), Map.of("reason", refusal.get().reason(),
                    "error", refusal.get().message(), "errors", Map.of("email", refusal.get().message())));
            return;
        }
        // A taken address gets the same answer as a free one: the address is only ever the
        // account's once a code sent to it was entered (EmailConfirmations).
        CreationOptions options = ceremonies.startSignUp(account, exchange.binding(request, response), ClientAddress.of(request));
        exchange.writeJson(response, 200, sharedDevices.isShared(request) ? options.offDevice() : options);
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }
}
