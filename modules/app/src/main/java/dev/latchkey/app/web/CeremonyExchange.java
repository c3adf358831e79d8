package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.identity.api.ClientDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The plumbing every WebAuthn JSON endpoint shares: bounded body reading, JSON in and out, the
 * ceremony-binding cookie, and the status for each refusal.
 */
@ApplicationScoped
public class CeremonyExchange {

    /** Well above any real WebAuthn response; larger bodies are refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    Cookies cookies;

    @Inject
    SharedDevices sharedDevices;

    public CeremonyBinding binding(HttpServletRequest request, HttpServletResponse response) {
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
    public CeremonyBinding existingBinding(HttpServletRequest request) {
        return new CeremonyBinding(cookies.read(request, Cookies.CEREMONY).filter(v -> v.length() == 43)
                .orElseGet(Cookies::randomValue));
    }

    public String readBody(HttpServletRequest request) throws IOException {
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
    public FinishRequest readFinish(HttpServletRequest request) throws IOException {
        return finishFrom(request, readObject(request));
    }

    /** As {@link #readFinish}, for a body already read (an endpoint that needs more of it, such as a handoff's token). */
    public FinishRequest finishFrom(HttpServletRequest request, Map<?, ?> body) {
        if (!(body.get("credential") instanceof Map<?, ?> credential)) {
            throw new CeremonyRejected(CeremonyRejected.Reason.MALFORMED,
                    "Your browser sent a passkey response we could not read. Please try again.");
        }
        Map<?, ?> client = body.get("client") instanceof Map<?, ?> c ? c : Map.of();
        return new FinishRequest(jsonb.toJson(credential),
                BrowserContext.describe(request, client, sharedDevices.isShared(request)));
    }

    public record FinishRequest(String credentialJson, ClientDescription client) {
    }

    public Map<?, ?> readObject(HttpServletRequest request) throws IOException {
        return parseObject(readBody(request));
    }

    /** A JSON object, or a 400. */
    public Map<?, ?> parseObject(String body) {
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

    public void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(jsonb.toJson(body));
    }

    public static int status(CeremonyRejected.Reason reason) {
        return switch (reason) {
            case ALREADY_REGISTERED, TOO_MANY_PASSKEYS -> 409;
            case TOO_MANY_CEREMONIES -> 429;
            case MALFORMED, UNKNOWN_CHALLENGE, WRONG_CEREMONY, VERIFICATION_FAILED, UNKNOWN_CREDENTIAL -> 400;
            // The registration policy refuses this passkey: well-formed, verified, and not accepted here.
            case ATTESTATION_NOT_TRUSTED, USER_VERIFICATION_REQUIRED, ATTACHMENT_NOT_ALLOWED, SYNCED_NOT_ALLOWED,
                 AUTHENTICATOR_NOT_ALLOWED, AUTHENTICATOR_DENIED -> 403;
            case POLICY_UNAVAILABLE -> 503;
        };
    }

    /**
     * The {@code hint} of an options request: absent, or a WebAuthn L3 hint; anything else is a 400.
     * Sign-in accepts {@code hybrid} and {@code security-key} (a passkey on this device needs no hint:
     * autofill and the main button find it).
     */
    public Optional<Hint> signInHint(Map<?, ?> body) {
        Optional<Hint> hint = hint(body);
        if (hint.filter(h -> h == Hint.CLIENT_DEVICE).isPresent()) {
            throw new BadRequest(400, "Choose a phone, a tablet or a security key.");
        }
        return hint;
    }

    /** The {@code hint} of an options request: absent, or one of the WebAuthn L3 hints; anything else is a 400. */
    public Optional<Hint> hint(Map<?, ?> body) {
        Object raw = body.get("hint");
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(Hint.of(raw instanceof String s ? s : null)
                .orElseThrow(() -> new BadRequest(400, "That is not a place a passkey can be.")));
    }

    /** A request the endpoints cannot read at all. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
