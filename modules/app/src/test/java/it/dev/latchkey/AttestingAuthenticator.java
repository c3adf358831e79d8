package it.dev.latchkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.AttestationCertificatePath;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.client.AuthenticationExtensionClientOutput;
import com.webauthn4j.data.extension.client.RegistrationExtensionClientOutput;
import com.webauthn4j.test.AttestationCertificateBuilder;
import com.webauthn4j.test.TestAttestationUtil;
import com.webauthn4j.test.TestDataUtil;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import com.webauthn4j.util.ECUtil;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.security.auth.x500.X500Principal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An authenticator whose attestation, model and flags a test chooses: what a security key, a
 * synced passkey provider or a forger would send. webauthn4j-test's emulator makes the credential
 * (its key pair, and the assertions later); the attestation object is then rebuilt with the chosen
 * AAGUID and flags and signed again, by webauthn4j-test's 3-tier test attestation key (whose root
 * CA the policy server trusts), by a key under an untrusted root, by the credential key itself
 * (self attestation), or not at all ("none").
 *
 * <p>Unlike {@link Authenticator}, it honours {@code excludeCredentials}: creating a second passkey
 * for an account it already holds one for fails, as a real authenticator's InvalidStateError.
 */
final class AttestingAuthenticator {

    enum Attestation { TRUSTED, UNTRUSTED_ROOT, SELF, NONE }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final NoneAttestationAuthenticator model = new NoneAttestationAuthenticator();
    private final ClientPlatform client;

    private UUID aaguid;
    private Attestation attestation = Attestation.TRUSTED;
    private boolean userVerified = true;
    private boolean backupEligible;
    private String attachment = "cross-platform";
    private List<String> transports = List.of("usb");

    /** A security key of the given model (AAGUID), attested by the trusted test CA, verifying its user. */
    AttestingAuthenticator(String origin, UUID aaguid) {
        this.aaguid = aaguid;
        client = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(model, CONVERTER));
    }

    AttestingAuthenticator attestation(Attestation a) {
        attestation = a;
        return this;
    }

    /** Clears the UV flag: presence only, no PIN, fingerprint or face. */
    AttestingAuthenticator withoutUserVerification() {
        userVerified = false;
        return this;
    }

    /** Sets BE and BS: a passkey that syncs through a provider. */
    AttestingAuthenticator synced() {
        backupEligible = true;
        return this;
    }

    /** What the browser reports as {@code authenticatorAttachment}, and the transports it lists. */
    AttestingAuthenticator platform() {
        attachment = "platform";
        transports = List.of("internal", "hybrid");
        return this;
    }

    /** Answers creation options JSON with a registration response JSON. */
    String create(String optionsJson) {
        JsonNode o = Authenticator.JSON.readTree(optionsJson);
        List<PublicKeyCredentialParameters> params = StreamSupport.stream(o.get("pubKeyCredParams").spliterator(), false)
                .map(p -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                        COSEAlgorithmIdentifier.create(p.get("alg").asLong())))
                .toList();
        List<PublicKeyCredentialDescriptor> exclude = new ArrayList<>();
        for (JsonNode d : o.path("excludeCredentials")) {
            exclude.add(new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY,
                    D64.decode(d.get("id").stringValue()), null));
        }
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(o.get("rp").get("id").stringValue(), o.get("rp").get("name").stringValue()),
                new PublicKeyCredentialUserEntity(D64.decode(o.get("user").get("id").stringValue()),
                        o.get("user").get("name").stringValue(), o.get("user").get("displayName").stringValue()),
                new DefaultChallenge(D64.decode(o.get("challenge").stringValue())),
                params,
                o.get("timeout").asLong(),
                exclude,
                new AuthenticatorSelectionCriteria(null, true, ResidentKeyRequirement.REQUIRED,
                        UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.DIRECT,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, RegistrationExtensionClientOutput> credential =
                client.create(options);
        AuthenticatorAttestationResponse r = credential.getResponse();
        byte[] attestationObject = reattest(r.getAttestationObject(), r.getClientDataJSON());

        ObjectNode json = envelope(credential.getRawId(), r.getClientDataJSON());
        ObjectNode response = (ObjectNode) json.get("response");
        response.put("attestationObject", B64.encodeToString(attestationObject));
        var list = response.putArray("transports");
        transports.forEach(list::add);
        json.putObject("clientExtensionResults");
        return json.toString();
    }

    /** Answers request options JSON with an authentication response JSON. */
    String get(String optionsJson) {
        JsonNode o = Authenticator.JSON.readTree(optionsJson);
        PublicKeyCredentialRequestOptions options = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(D64.decode(o.get("challenge").stringValue())),
                o.get("timeout").asLong(),
                o.get("rpId").stringValue(),
                List.of(),
                UserVerificationRequirement.REQUIRED,
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

    /** The emulator's attestation object with this authenticator's AAGUID and flags, attested as chosen. */
    private byte[] reattest(byte[] original, byte[] clientDataJson) {
        AttestationObjectConverter objects = new AttestationObjectConverter(CONVERTER);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> made = objects.convert(original).getAuthenticatorData();
        AttestedCredentialData credential = made.getAttestedCredentialData();
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_AT);
        if (userVerified) {
            flags |= AuthenticatorData.BIT_UV;
        }
        if (backupEligible) {
            flags |= (byte) (AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS);
        }
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData = new AuthenticatorData<>(
                made.getRpIdHash(), flags, made.getSignCount(),
                new AttestedCredentialData(new AAGUID(aaguid), credential.getCredentialId(), credential.getCOSEKey()));
        byte[] authDataBytes = new AuthenticatorDataConverter(CONVERTER).convert(authData);
        // Packed attestation signs authenticatorData || SHA-256(clientDataJSON) (#sctn-packed-attestation).
        byte[] signedData = ByteBuffer.allocate(authDataBytes.length + 32).put(authDataBytes).put(sha256(clientDataJson))
                .array();
        AttestationStatement statement = switch (attestation) {
            case TRUSTED -> new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256,
                    TestDataUtil.calculateSignature(TestAttestationUtil.load3tierTestAuthenticatorAttestationPrivateKey(),
                            signedData),
                    TestAttestationUtil.load3tierTestAttestationCertificatePath());
            case UNTRUSTED_ROOT -> untrusted(signedData);
            case SELF -> new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256,
                    TestDataUtil.calculateSignature(credentialPrivateKey(credential.getCredentialId()), signedData), null);
            case NONE -> new NoneAttestationStatement();
        };
        return objects.convertToBytes(new AttestationObject(authData, statement));
    }

    /**
     * A well-formed packed attestation from an authenticator model nobody here trusts: its
     * certificate is issued by a CA of its own (a fresh key, under the name of webauthn4j-test's
     * 2-tier root), so it chains to no configured trust anchor.
     */
    private static AttestationStatement untrusted(byte[] signedData) {
        KeyPair key = ECUtil.createKeyPair();
        KeyPair ownCa = ECUtil.createKeyPair();
        AttestationCertificateBuilder builder = new AttestationCertificateBuilder(
                TestAttestationUtil.load2tierTestRootCACertificate(),
                new X500Principal("CN=Untrusted test key, OU=Authenticator Attestation, O=Elsewhere, C=JP"),
                key.getPublic());
        X509Certificate certificate = builder.build(ownCa.getPrivate());
        return new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256,
                TestDataUtil.calculateSignature(key.getPrivate(), signedData),
                new AttestationCertificatePath(List.of(certificate)));
    }

    private PrivateKey credentialPrivateKey(byte[] credentialId) {
        return model.lookup(credentialId).getPrivateKey().getPrivateKey();
    }

    private ObjectNode envelope(byte[] rawId, byte[] clientDataJson) {
        ObjectNode json = Authenticator.JSON.createObjectNode();
        json.put("id", B64.encodeToString(rawId));
        json.put("rawId", B64.encodeToString(rawId));
        json.put("type", "public-key");
        json.put("authenticatorAttachment", attachment);
        json.putObject("response").put("clientDataJSON", B64.encodeToString(clientDataJson));
        return json;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
