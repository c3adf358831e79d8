package dev.latchkey.benchmarks;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.client.AuthenticationExtensionClientOutput;
import com.webauthn4j.data.extension.client.RegistrationExtensionClientOutput;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One software passkey provider (webauthn4j-test's emulator behind a client platform at the
 * server's origin). It reads the options JSON the server hands the page and answers with the JSON
 * the page script posts: {@code PublicKeyCredential.toJSON()} of what
 * {@code navigator.credentials.create()/get()} returned (ui-templates/static/js/webauthn.js).
 * Not thread-safe: one per virtual user.
 */
final class SoftwarePasskey {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final ClientPlatform client;

    SoftwarePasskey(String origin) {
        client = new ClientPlatform(new Origin(origin),
                new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator(), new ObjectConverter()));
    }

    /** Creation options JSON in, registration response JSON out. */
    String create(String optionsJson) {
        JsonNode o = JSON.readTree(optionsJson);
        List<PublicKeyCredentialParameters> params = StreamSupport.stream(o.get("pubKeyCredParams").spliterator(), false)
                .map(p -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                        COSEAlgorithmIdentifier.create(p.get("alg").asLong())))
                .toList();
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(o.get("rp").get("id").stringValue(), o.get("rp").get("name").stringValue()),
                new PublicKeyCredentialUserEntity(D64.decode(o.get("user").get("id").stringValue()),
                        o.get("user").get("name").stringValue(), o.get("user").get("displayName").stringValue()),
                new DefaultChallenge(D64.decode(o.get("challenge").stringValue())),
                params,
                o.get("timeout").asLong(),
                List.of(),
                // The emulator needs the selection criteria (the short constructor throws inside it).
                new AuthenticatorSelectionCriteria(null, true, ResidentKeyRequirement.REQUIRED,
                        UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, RegistrationExtensionClientOutput> credential =
                client.create(options);
        AuthenticatorAttestationResponse r = credential.getResponse();
        ObjectNode json = envelope(credential.getRawId(), r.getClientDataJSON());
        ObjectNode response = (ObjectNode) json.get("response");
        response.put("attestationObject", B64.encodeToString(r.getAttestationObject()));
        var transports = response.putArray("transports");
        if (r.getTransports() != null) {
            r.getTransports().stream().map(AuthenticatorTransport::getValue).forEach(transports::add);
        }
        json.putObject("clientExtensionResults");
        return json.toString();
    }

    /** Request options JSON in, authentication response JSON out (a discoverable credential: no allow list). */
    String get(String optionsJson) {
        JsonNode o = JSON.readTree(optionsJson);
        PublicKeyCredentialRequestOptions options = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(D64.decode(o.get("challenge").stringValue())),
                o.get("timeout").asLong(),
                o.get("rpId").stringValue(),
                List.of(),
                UserVerificationRequirement.PREFERRED,
                null);
        PublicKeyCredential<AuthenticatorAssertionResponse, AuthenticationExtensionClientOutput> credential =
                client.get(options);
        AuthenticatorAssertionResponse r = credential.getResponse();
        ObjectNode json = envelope(credential.getRawId(), r.getClientDataJSON());
        ObjectNode response = (ObjectNode) json.get("response");
        response.put("authenticatorData", B64.encodeToString(r.getAuthenticatorData()));
        response.put("signature", B64.encodeToString(r.getSignature()));
        if (r.getUserHandle() != null) {
            response.put("userHandle", B64.encodeToString(r.getUserHandle()));
        }
        json.putObject("clientExtensionResults");
        return json.toString();
    }

    /** What the page posts to a finish endpoint: the credential and what the browser said it can do. */
    static String finishBody(String credentialJson) {
        return "{\"credential\":" + credentialJson + ",\"client\":{\"platformAuthenticator\":true,"
                + "\"conditionalGet\":true,\"conditionalCreate\":null,\"hybridTransport\":false}}";
    }

    private static ObjectNode envelope(byte[] rawId, byte[] clientDataJson) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", B64.encodeToString(rawId));
        json.put("rawId", B64.encodeToString(rawId));
        json.put("type", "public-key");
        json.put("authenticatorAttachment", "platform");
        json.putObject("response").put("clientDataJSON", B64.encodeToString(clientDataJson));
        return json;
    }
}
