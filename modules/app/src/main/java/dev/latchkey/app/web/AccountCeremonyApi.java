package dev.latchkey.app.web;

import dev.latchkey.app.security.Problems;
import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * JSON endpoints for ceremonies of a signed-in account: step-up re-authentication with one of its
 * passkeys, and adding a passkey, which needs a recent step-up (a passkey one, when the account
 * has a passkey: an email code alone never adds a passkey to such an account).
 */
@WebServlet("/api/account/*")
public class AccountCeremonyApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient CeremonyExchange exchange;

    @Inject
    transient SharedDevices sharedDevices;


    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieMechanism.session(request);
        if (session.isEmpty()) {
            Problems.send(response, 401, "SIGNED_OUT", "Your session has ended. Sign in again.", request);
            return;
        }
        Sessions.SignedInSession s = session.get();
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        try {
            switch (path) {
                case "/stepup/options" -> exchange.writeJson(response, 200,
                        ceremonies.startStepUp(s.accountId(), exchange.binding(request, response), ClientAddress.of(request)));
                case "/stepup/finish" -> {
                    CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
                    // One transaction: the assertion verified, the session's step-up recorded, the passkey's use.
                    ceremonies.finishStepUp(s, finish.credentialJson(), exchange.existingBinding(request));
                    exchange.writeJson(response, 200, Map.of("redirect", Paths.safeNext(request.getParameter("next"))));
                }
                case "/passkeys/options" -> {
                    if (sharedDevices.isShared(request)) {
                        Problems.send(response, 403, "SHARED_DEVICE", "This is a shared computer: do not save a"
                                + " passkey on it. Add one on your own phone or computer instead.", request);
                    } else {
                        // "On this device" / "On a phone or tablet" / "A security key" (L3 hints).
                        java.util.Optional<dev.latchkey.credentials.api.Hint> where = exchange.hint(exchange.readObject(request));
                        exchange.writeJson(response, 200, ceremonies.startAddPasskey(proof(s),
                                exchange.binding(request, response), ClientAddress.of(request), where));
                    }
                }
                case "/passkeys/finish" -> {
                    StepUpProof proof = proof(s);
                    CeremonyExchange.FinishRequest finish = exchange.readFinish(request);
                    // Credentials notes where it was made (not here when made on a phone over the QR
                    // code) and announces it (PasskeyAdded: the owner is mailed), in one transaction.
                    ceremonies.finishAddPasskey(proof, s.deviceId(), finish.credentialJson(),
                            exchange.existingBinding(request));
                    exchange.writeJson(response, 200, Map.of("redirect", Paths.ACCOUNT + "?passkeyAdded"));
                }
                default -> Problems.send(response, 404, "NOT_FOUND", "There is nothing here.", request);
            }
        } catch (StepUpProof.Expired e) {
            Problems.send(response, 403, "STEP_UP_REQUIRED",
                    "For your security, confirm it is you with your passkey first.", request);
        } catch (CeremonyRejected e) {
            Problems.send(response, CeremonyExchange.status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (CeremonyExchange.BadRequest e) {
            Problems.send(response, e.status, "BAD_REQUEST", e.getMessage(), request);
        }
    }

    /** The session's step-up, or a 403 STEP_UP_REQUIRED (below). */
    private StepUpProof proof(Sessions.SignedInSession s) {
        return stepUp.proof(s.sessionId()).orElseThrow(StepUpProof.Expired::new);
    }
}
