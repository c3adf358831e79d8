package it.dev.latchkey;

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
 * A software authenticator (webauthn4j-test's emulator) behind a client platform at a given
 * origin. It reads the server's options JSON and answers with {@code PublicKeyCredential.toJSON()}
 * shaped JSON, exactly what the page script posts.
 */
final class Authenticator {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final NoneAttestationAuthenticator model;
    private final ClientPlatform client;

    Authenticator() {
        this(Browser.BASE_URL);
    }

    Authenticator(String origin) {
        this(origin, new NoneAttestationAuthenticator());
    }

    /** An authenticator that names its provider by this AAGUID (for example Google Password Manager's). */
    Authenticator(java.util.UUID aaguid) {
        this(Browser.BASE_URL, new NoneAttestationAuthenticator(
                new com.webauthn4j.data.attestation.authenticator.AAGUID(aaguid), 0, true, new ObjectConverter()));
    }

    /**
     * An authenticator that cannot verify the person (no PIN, no biometric): it tests presence only, so its
     * authenticator data never has the UV flag (WebAuthn L3 §6.1).
     */
    static Authenticator withoutUserVerification() {
        return new Authenticator(Browser.BASE_URL, new NoneAttestationAuthenticator(
                com.webauthn4j.data.attestation.authenticator.AAGUID.ZERO, 0, false, new ObjectConverter()));
    }

    private Authenticator(String origin, NoneAttestationAuthenticator model) {
        this.model = model;
        client = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(model, new ObjectConverter()));
    }

    /** Same key material, different origin: what a phishing page relaying the ceremony would produce. */
    Authenticator at(String origin) {
        client.setOrigin(new Origin(origin));
        return this;
    }

    /** Answers creation options JSON with a registration response JSON. */
    String create(String optionsJson) {
        return create(optionsJson, null);
    }

    /** As {@link #create(String)}, with the RP ID replaced (a wrong-RP response). */
    String create(String optionsJson, String rpIdOverride) {
        JsonNode o = JSON.readTree(optionsJson);
        List<PublicKeyCredentialParameters> params = StreamSupport.stream(o.get("pubKeyCredParams").spliterator(), false)
                .map(p -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                        COSEAlgorithmIdentifier.create(p.get("alg").asLong())))
                .toList();
        String rpId = rpIdOverride != null ? rpIdOverride : o.get("rp").get("id").stringValue();
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(rpId, o.get("rp").get("name").stringValue()),
                new PublicKeyCredentialUserEntity(D64.decode(o.get("user").get("id").stringValue()),
                        o.get("user").get("name").stringValue(), o.get("user").get("displayName").stringValue()),
                new DefaultChallenge(D64.decode(o.get("challenge").stringValue())),
                params,
                o.get("timeout").asLong(),
                List.of(),
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

    /** Answers request options JSON with an authentication response JSON. */
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

    /** The parts of {@code PublicKeyCredential.toJSON()} that registration and authentication share. */
    private static ObjectNode envelope(byte[] rawId, byte[] clientDataJson) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", B64.encodeToString(rawId));
        json.put("rawId", B64.encodeToString(rawId));
        json.put("type", "public-key");
        json.put("authenticatorAttachment", "platform");
        json.putObject("response").put("clientDataJSON", B64.encodeToString(clientDataJson));
        return json;
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    static byte[] unb64(String s) {
        return D64.decode(s);
    }

    /**
     * The registration a synced provider would send: the emulator's, with the backup flags (BE,
     * BS) set and the provider's AAGUID. With "none" attestation nothing signs the authenticator
     * data at registration (#sctn-none-attestation), so this is exactly what such a provider's
     * response looks like to the server.
     */
    @SuppressWarnings("unchecked")
    static String asSyncedProvider(String registrationJson, java.util.UUID aaguid) {
        ObjectNode json = parse(registrationJson);
        ObjectNode response = (ObjectNode) json.get("response");
        var cbor = new com.webauthn4j.converter.util.ObjectConverter().getCborConverter();
        java.util.Map<String, Object> attestation = cbor.readValue(
                unb64(response.get("attestationObject").stringValue()), java.util.Map.class);
        byte[] authData = ((byte[]) attestation.get("authData")).clone();
        authData[32] |= 0x08 | 0x10; // flags after the 32-byte rpIdHash: BE and BS (#sctn-authenticator-data)
        java.nio.ByteBuffer.wrap(authData, 37, 16).putLong(aaguid.getMostSignificantBits())
                .putLong(aaguid.getLeastSignificantBits()); // AAGUID after the 4-byte signCount
        java.util.Map<String, Object> changed = new java.util.LinkedHashMap<>(attestation);
        changed.put("authData", authData);
        response.put("attestationObject", b64(cbor.writeValueAsBytes(changed)));
        response.putArray("transports").add("hybrid").add("internal");
        return json.toString();
    }

    /**
     * The registration with its credential public key replaced by {@code key} (and the flags by
     * {@code flags}, when not null). With "none" attestation nothing signs the authenticator data at
     * registration (#sctn-none-attestation), so this is what an authenticator that made such a key
     * would send. Built with webauthn4j's own CBOR and authenticator-data converters.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String withCredential(String registrationJson, com.webauthn4j.data.attestation.authenticator.COSEKey key,
                                 Integer flags) {
        ObjectConverter converter = new ObjectConverter();
        var cbor = converter.getCborConverter();
        var authDataConverter = new com.webauthn4j.converter.AuthenticatorDataConverter(converter);
        ObjectNode json = parse(registrationJson);
        ObjectNode response = (ObjectNode) json.get("response");
        java.util.Map<String, Object> attestation = cbor.readValue(
                unb64(response.get("attestationObject").stringValue()), java.util.Map.class);
        com.webauthn4j.data.attestation.authenticator.AuthenticatorData authData =
                authDataConverter.convert((byte[]) attestation.get("authData"));
        var credential = authData.getAttestedCredentialData();
        var changed = new com.webauthn4j.data.attestation.authenticator.AuthenticatorData(authData.getRpIdHash(),
                flags == null ? authData.getFlags() : (byte) flags.intValue(), authData.getSignCount(),
                new com.webauthn4j.data.attestation.authenticator.AttestedCredentialData(credential.getAaguid(),
                        credential.getCredentialId(), key == null ? credential.getCOSEKey() : key),
                authData.getExtensions());
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(attestation);
        copy.put("authData", authDataConverter.convert(changed));
        response.put("attestationObject", b64(cbor.writeValueAsBytes(copy)));
        return json.toString();
    }

    /** The flags byte of a registration's authenticator data (#sctn-authenticator-data). */
    @SuppressWarnings("unchecked")
    static int registrationFlags(String registrationJson) {
        var cbor = new ObjectConverter().getCborConverter();
        java.util.Map<String, Object> attestation = cbor.readValue(
                unb64(parse(registrationJson).get("response").get("attestationObject").stringValue()), java.util.Map.class);
        return ((byte[]) attestation.get("authData"))[32] & 0xff;
    }

    /**
     * The assertion with its authenticator data changed by {@code change} and signed again with
     * this authenticator's credential key (ES256: SHA-256 with ECDSA over authenticatorData ||
     * SHA-256(clientDataJSON), #sctn-op-get-assertion step 11): what an authenticator that set those
     * bytes itself would send.
     */
    String resigned(String assertionJson, java.util.function.UnaryOperator<byte[]> change) {
        try {
            ObjectNode json = parse(assertionJson);
            ObjectNode response = (ObjectNode) json.get("response");
            byte[] authData = change.apply(unb64(response.get("authenticatorData").stringValue()));
            byte[] clientDataHash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(unb64(response.get("clientDataJSON").stringValue()));
            java.security.PrivateKey key = model.lookup(unb64(json.get("rawId").stringValue())).getPrivateKey()
                    .getPrivateKey();
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(authData);
            signer.update(clientDataHash);
            response.put("authenticatorData", b64(authData));
            response.put("signature", b64(signer.sign()));
            return json.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
