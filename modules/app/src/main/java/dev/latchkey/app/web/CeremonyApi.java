package dev.latchkey.app.web;

import dev.latchkey.app.security.Problems;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.credentials.api.RequestOptions;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON endpoints the WebAuthn script calls. Thin: parse, call one module service, map the
 * outcome to a status. Every rejected ceremony is a 4xx with a readable message.
 */
@WebServlet("/api/*")
public class CeremonyApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient EmailConfirmations confirmations;

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Inject
    transient dev.latchkey.identity.api.SignUpGate signUpGate;

    @Inject
    transient InvitedSignUp invitedSignUp;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        try {
            switch (path) {
                case "/signup/options" -> signUpOptions(request, response);
                case "/signup/finish" -> signUpFinish(request, response);
                case "/signin/options" -> signInOptions(request, response);
                case "/signin/finish" -> signInFinish(request, response);
                default -> Problems.send(response, 404, "NOT_FOUND", "There is nothing here.", request);
            }
        } catch (CeremonyRejected e) {
            Problems.send(response, CeremonyExchange.status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (CeremonyExchange.BadRequest e) {
            Problems.send(response, e.status, "BAD_REQUEST", e.getMessage(), request);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        Problems.send(response, 405, "METHOD_NOT_ALLOWED", "Use POST for this endpoint.", request);
    }

    private void signUpOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> form = exchange.readObject(request);
        NewAccount.Validation validation = NewAccount.validate(string(form.get("email")), string(form.get("displayName")));
        if (!validation.valid()) {
            exchange.writeJson(response, 422, Map.of("reason", "INVALID", "error", "Please correct the marked fields.",
                    "errors", validation.errors()));
            return;
        }
        NewAccount account = validation.account().orElseThrow();
        Optional<dev.latchkey.identity.api.SignUpGate.Refusal> refusal =
                signUpGate.refusal(account.email(), invitedSignUp.token(request));
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

    private void signUpFinish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        SignedIn signedIn;
        Optional<String> invitation = invitedSignUp.token(request);
        try {
            // One transaction: account, passkey (created on this browser's device), invitation, session.
            signedIn = ceremonies.finishSignUp(finish.credentialJson(), exchange.existingBinding(request), invitation,
                    signInSessions.context(request, finish.client()));
        } catch (dev.latchkey.identity.api.Invitations.Unusable e) {
            Problems.send(response, 410, "INVITATION_UNUSABLE", e.getMessage(), request);
            return;
        }
        if (invitation.isPresent()) {
            invitedSignUp.forget(response);
        }
        signInSessions.keep(response, signedIn);
        try {
            // A use case of its own (the address is confirmed later, by the code this mails).
            confirmations.send(signedIn.accountId());
        } catch (EmailCodes.TooManyRequests e) {
            // The confirmation page offers to send a code again later.
        }
        exchange.writeJson(response, 200, Map.of("redirect", ConfirmEmailPage.PATH));
    }

    private void signInOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = exchange.readObject(request);
        Mediation mediation = "conditional".equals(body.get("mediation")) ? Mediation.CONDITIONAL : Mediation.MODAL;
        // "Use a phone or tablet" / "Use a security key": the user said where the passkey is (L3 hints).
        Optional<Hint> hint = exchange.signInHint(body);
        RequestOptions options = ceremonies.startSignIn(mediation, exchange.binding(request, response), ClientAddress.of(request));
        if (hint.isPresent()) {
            options = options.withHints(List.of(hint.get().value()));
        } else if (sharedDevices.isShared(request)) {
            // On a shared computer the passkey comes from a phone or a security key.
            options = options.withHints(List.of(Hint.HYBRID.value(), Hint.SECURITY_KEY.value()));
        }
        exchange.writeJson(response, 200, options);
    }

    private void signInFinish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
        // One call, one transaction: the assertion verified, the passkey's use, identity's sign-in.
        PasskeyCeremonies.PasskeySignIn result = ceremonies.finishSignIn(finish.credentialJson(),
                exchange.existingBinding(request), signInSessions.context(request, finish.client()));
        signInSessions.keep(response, result.signedIn());
        // Where to go next is the nudges module's answer (a read and, when it prompts, its decision row).
        String next = nudgeRedirects.afterSignIn(result.signedIn(), Paths.safeNext(request.getParameter("next")));
        exchange.writeJson(response, 200, Map.of("redirect", next, "mediation", result.mediation().name().toLowerCase()));
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }
}
