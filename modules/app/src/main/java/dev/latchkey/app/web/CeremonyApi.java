package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.security.Problems;
import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.credentials.api.PasskeyCeremonies;
import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.NewAccount;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON endpoints the WebAuthn script calls. Thin: parse, call one module service, map the
 * outcome to a status. Every rejected ceremony is a 4xx with a readable message.
 */
@WebServlet("/api/*")
public class CeremonyApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Well above any real WebAuthn response; larger bodies are refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final transient Jsonb jsonb = JsonbBuilder.create();

    @Inject
    transient PasskeyCeremonies ceremonies;

    @Inject
    transient Cookies cookies;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient EmailConfirmations confirmations;

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
            Problems.send(response, status(e.reason()), e.reason().name(), e.getMessage(), request);
        } catch (BadRequest e) {
            Problems.send(response, e.status, "BAD_REQUEST", e.getMessage(), request);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        Problems.send(response, 405, "METHOD_NOT_ALLOWED", "Use POST for this endpoint.", request);
    }

    private void signUpOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> form = readObject(request);
        NewAccount.Validation validation = NewAccount.validate(string(form.get("email")), string(form.get("displayName")));
        if (!validation.valid()) {
            writeJson(response, 422, Map.of("reason", "INVALID", "error", "Please correct the marked fields.",
                    "errors", validation.errors()));
            return;
        }
        NewAccount account = validation.account().orElseThrow();
        // A taken address gets the same answer as a free one: the address is only ever the
        // account's once a code sent to it was entered (EmailConfirmations).
        writeJson(response, 200, ceremonies.startSignUp(account, binding(request, response), ClientAddress.of(request)));
    }

    private void signUpFinish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FinishRequest finish = readFinish(request);
        UUID accountId = ceremonies.finishSignUp(finish.credentialJson(), existingBinding(request));
        signInSessions.startAfterSignUp(request, response, accountId, finish.client());
        try {
            confirmations.send(accountId);
        } catch (EmailCodes.TooManyRequests e) {
            // The confirmation page offers to send a code again later.
        }
        writeJson(response, 200, Map.of("redirect", ConfirmEmailPage.PATH));
    }

    private void signInOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<?, ?> body = readObject(request);
        Mediation mediation = "conditional".equals(body.get("mediation")) ? Mediation.CONDITIONAL : Mediation.MODAL;
        writeJson(response, 200, ceremonies.startSignIn(mediation, binding(request, response), ClientAddress.of(request)));
    }

    private void signInFinish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FinishRequest finish = readFinish(request);
        PasskeyCeremonies.SignInResult result;
        try {
            result = ceremonies.finishSignIn(finish.credentialJson(), existingBinding(request));
        } catch (CeremonyRejected e) {
            signInSessions.failed(SignInMethod.PASSKEY, finish.client(), e.reason().name());
            throw e;
        }
        signInSessions.signIn(request, response, result.accountId(), result.method(), finish.client());
        String next = Paths.safeNext(request.getParameter("next"));
        writeJson(response, 200, Map.of("redirect", next, "mediation", result.mediation().name().toLowerCase()));
    }

    private CeremonyBinding binding(HttpServletRequest request, HttpServletResponse response) {
        return new CeremonyBinding(cookies.read(request, Cookies.CEREMONY).filter(v -> v.length() == 43).orElseGet(() -> {
            String fresh = Cookies.randomValue();
            cookies.write(response, Cookies.CEREMONY, fresh, "Strict");
            return fresh;
        }));
    }

    /**
     * The binding a finishing request presents. A browser without the cookie cannot have begun
     * any ceremony; it still gets to the challenge lookup, so that the challenge it carries is
     * spent like any other failed attempt's (single use, consumed on failure too).
     */
    private CeremonyBinding existingBinding(HttpServletRequest request) {
        return new CeremonyBinding(cookies.read(request, Cookies.CEREMONY).filter(v -> v.length() == 43)
                .orElseGet(Cookies::randomValue));
    }

    private String readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BadRequest(413, "That request is too large.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadRequest(413, "That request is too large.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The page posts {@code {"credential": PublicKeyCredential.toJSON(), "client": {capabilities}}}. */
    private FinishRequest readFinish(HttpServletRequest request) throws IOException {
        Map<?, ?> body = readObject(request);
        if (!(body.get("credential") instanceof Map<?, ?> credential)) {
            throw new CeremonyRejected(CeremonyRejected.Reason.MALFORMED,
                    "Your browser sent a passkey response we could not read. Please try again.");
        }
        Map<?, ?> client = body.get("client") instanceof Map<?, ?> c ? c : Map.of();
        return new FinishRequest(jsonb.toJson(credential), BrowserContext.describe(request, client));
    }

    private record FinishRequest(String credentialJson, ClientDescription client) {
    }

    private Map<?, ?> readObject(HttpServletRequest request) throws IOException {
        String body = readBody(request);
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = jsonb.fromJson(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JsonbException | ClassCastException e) {
            // fall through
        }
        throw new BadRequest(400, "That request is not valid JSON.");
    }

    private void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(jsonb.toJson(body));
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }

    static int status(CeremonyRejected.Reason reason) {
        return switch (reason) {
            case ALREADY_REGISTERED -> 409;
            case TOO_MANY_CEREMONIES -> 429;
            case MALFORMED, UNKNOWN_CHALLENGE, WRONG_CEREMONY, VERIFICATION_FAILED, UNKNOWN_CREDENTIAL -> 400;
        };
    }

    /** A request the endpoints cannot read at all. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
