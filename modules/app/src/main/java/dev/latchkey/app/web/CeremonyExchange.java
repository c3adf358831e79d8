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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plumbing every JSON endpoint shares: bounded body reading, the one strict JSON reading,
 * JSON out, the ceremony-binding cookie, and the status for each refusal.
 *
 * <p>Reading is strict so that no body reaches a 500 (OWASP ASVS 5.0 V1.5, V4.2): at most
 * {@link #MAX_BODY_BYTES}, valid UTF-8, one JSON object, nested at most {@link #MAX_DEPTH} deep
 * (a WebAuthn response is 4 deep; a parser that recursed over 1,000 levels overflowed its stack),
 * no duplicate names (two parsers must not read two different values), bounded strings and
 * numbers. Anything else is a 400 (413 for size) with problem JSON. Values reach the endpoints as
 * plain {@code Map}/{@code List}/{@code String}/{@code Boolean}/{@code Number} and every endpoint
 * checks the type of what it reads ({@code instanceof}); the credential goes on to credentials'
 * own checks of its members.
 */
@ApplicationScoped
public class CeremonyExchange {

    /** Well above any real WebAuthn response; larger bodies are refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** A WebAuthn response nests 4 deep, ours at most 5; far more is hostile. */
    static final int MAX_DEPTH = 32;

    /** Output only: the records of the module APIs are written with JSON-B. */
    private final Jsonb jsonb = JsonbBuilder.create();

    /** The one JSON reader of every endpoint. */
    static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxDocumentLength(MAX_BODY_BYTES)
                            .maxStringLength(MAX_BODY_BYTES)
                            .maxNameLength(256)
                            .maxNumberLength(64)
                            .maxTokenCount(20_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
            throw new BadRequest(413, "request.tooLarge");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadRequest(413, "request.tooLarge");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new BadRequest(400, "request.notJson");
            }
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
        return new FinishRequest(STRICT.writeValueAsString(credential),
                BrowserContext.describe(request, client, sharedDevices.isShared(request)));
    }

    public record FinishRequest(String credentialJson, ClientDescription client) {
    }

    public Map<?, ?> readObject(HttpServletRequest request) throws IOException {
        return parseObject(readBody(request));
    }

    /** A JSON object read by {@link #STRICT} (an empty body is an empty object), or a 400. */
    public Map<?, ?> parseObject(String body) {
        if (body.isBlank()) {
            return Map.of();
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new BadRequest(413, "request.tooLarge");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JacksonException e) {
            // Depth, size, duplicate names, syntax: one answer, without echoing the input.
            throw new BadRequest(400, "request.notJson");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest(400, "request.notObject");
        }
        return STRICT.convertValue(tree, Map.class);
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
            throw new BadRequest(400, "request.signInHint");
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
                .orElseThrow(() -> new BadRequest(400, "request.hint")));
    }

    /**
     * A request the endpoints cannot read at all; {@link #words} is what the page script shows, in the reader's
     * language (a message key of the pages, {@code request.*}).
     */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int status;
        public final transient UiText words;

        BadRequest(int status, String key) {
            super(key);
            this.status = status;
            this.words = UiText.of(key);
        }
    }
}
