package dev.latchkey.app.web.signup;

import dev.latchkey.app.web.CeremonyEndpoint;
import dev.latchkey.app.web.CeremonyExchange;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.UiText;
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

    @Inject
    transient SignUpRefusals refusals;

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> form = exchange.readObject(request);
        NewAccount.Validation validation = NewAccount.validate(string(form.get("email")), string(form.get("displayName")));
        if (!validation.valid()) {
            // In the reader's language, like the page (the script shows them as they come).
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            SignUpPage.errors(validation).forEach((field, text) -> errors.put(field, views.text(request, text)));
            exchange.writeJson(response, 422, Map.of("reason", "INVALID",
                    "error", views.text(request, UiText.of("signup.error.fields")), "errors", errors));
            return;
        }
        NewAccount account = validation.account().orElseThrow();
        Optional<String> token = invitedSignUp.token(request);
        Optional<SignUpGate.Refusal> refusal = signUpGate.refusal(account.email(), token);
        if (refusal.isPresent()) {
            String message = views.text(request, refusals.of(refusal.get(), token));
            exchange.writeJson(response, refusal.get().status(), Map.of("reason", refusal.get().reason(),
                    "error", message, "errors", Map.of("email", message)));
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
