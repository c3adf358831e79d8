package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyRejected;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top level of a {@code PublicKeyCredential.toJSON()} payload, checked before webauthn4j
 * parses the rest: the parts webauthn4j does not verify or does not keep.
 *
 * @param attachment {@code authenticatorAttachment} as the client reported it (unsigned: used
 *                   for display and coverage only, never for a security decision)
 */
record ResponseEnvelope(String id, Optional<String> attachment) {

    /** Far above any real response (credential ids are at most 1023 bytes); bounds parsing work. */
    static final int MAX_CHARS = 64 * 1024;

    /**
     * The envelope's own reader: a response nests 4 deep, so 32 is plenty; without a bound a few
     * kilobytes of brackets cost a deep recursion somewhere down the line.
     */
    private static final JsonMapper READER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxDocumentLength(MAX_CHARS).maxStringLength(MAX_CHARS).build())
                    .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    static ResponseEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw malformed(null);
        }
        if (json.length() > MAX_CHARS) {
            throw malformed(null);
        }
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JacksonException e) {
            throw malformed(e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(null);
        }
        JsonNode id = root.get("id");
        JsonNode rawId = root.get("rawId");
        JsonNode type = root.get("type");
        if (id == null || !id.isString() || rawId == null || !rawId.isString() || !root.path("response").isObject()) {
            throw malformed(null);
        }
        // #dom-publickeycredential-id: id is the base64url encoding of rawId; a response whose
        // two disagree was not produced by a conforming client.
        if (!id.stringValue().equals(rawId.stringValue())) {
            throw new CeremonyRejected(CeremonyRejected.Reason.MALFORMED, "ceremony.detail.inconsistent",
                    java.util.List.of(), "Your browser sent an inconsistent passkey response. Please try again.", null);
        }
        // #dom-publickeycredential-type: the string "public-key"; a number, boolean, object or
        // null is malformed (asking a non-string node for its string value throws).
        if (type == null || !type.isString() || !"public-key".equals(type.stringValue())) {
            throw malformed(null);
        }
        JsonNode attachment = root.get("authenticatorAttachment");
        Optional<String> reported = attachment != null && attachment.isString()
                && ("platform".equals(attachment.stringValue()) || "cross-platform".equals(attachment.stringValue()))
                ? Optional.of(attachment.stringValue()) : Optional.empty();
        return new ResponseEnvelope(id.stringValue(), reported);
    }

    static CeremonyRejected malformed(Throwable cause) {
        return new CeremonyRejected(CeremonyRejected.Reason.MALFORMED,
                "Your browser sent a passkey response we could not read. Please try again.", cause);
    }
}
