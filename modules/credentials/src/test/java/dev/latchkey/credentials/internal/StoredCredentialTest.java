package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.VerificationException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A passkey stored the way {@code cred_passkey} keeps it verifies later assertions, and only
 * genuine ones: the column round trip loses nothing webauthn4j needs.
 */
class StoredCredentialTest {

    private static final Origin ORIGIN = new Origin("https://login.example.com");
    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final StoredCredential stored = new StoredCredential(converter);
    private final ClientPlatform client = new ClientPlatform(ORIGIN,
            new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator(), converter));

    @Test
    void aStoredPasskeyVerifiesItsNextAssertion() {
        PasskeyEntity passkey = register();
        assertThat(passkey.publicKey).isNotEmpty();

        byte[] challenge = Hashes.newChallenge();
        AuthenticatorAssertionResponse assertion = authenticate(challenge);
        var data = webAuthn.parse(new AuthenticationRequest(passkey.credentialId, assertion.getUserHandle(),
                assertion.getAuthenticatorData(), assertion.getClientDataJSON(), assertion.getSignature()));
        webAuthn.verify(data, new AuthenticationParameters(
                new ServerProperty(ORIGIN, "example.com", new DefaultChallenge(challenge)),
                stored.toRecord(passkey), null, false, true));
        assertThat(data.getAuthenticatorData().getSignCount()).isGreaterThan(passkey.signCount);
    }

    @Test
    void aPasskeyWhoseStoredKeyChangedIsVerifiedWithTheNewKeyNotARememberedOne() {
        PasskeyEntity passkey = register();
        stored.toRecord(passkey); // parsed once and remembered
        PasskeyEntity other = register(new ClientPlatform(ORIGIN, // another authenticator, another key pair
                new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator(), converter)));
        passkey.publicKey = other.publicKey; // same credential id, another key in the column

        byte[] challenge = Hashes.newChallenge();
        AuthenticatorAssertionResponse assertion = authenticate(challenge); // signed by the first key pair
        var data = webAuthn.parse(new AuthenticationRequest(passkey.credentialId, assertion.getUserHandle(),
                assertion.getAuthenticatorData(), assertion.getClientDataJSON(), assertion.getSignature()));
        assertThatThrownBy(() -> webAuthn.verify(data, new AuthenticationParameters(
                new ServerProperty(ORIGIN, "example.com", new DefaultChallenge(challenge)),
                stored.toRecord(passkey), null, false, true)))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void aForgedSignatureDoesNotVerifyAgainstTheStoredKey() {
        PasskeyEntity passkey = register();
        byte[] challenge = Hashes.newChallenge();
        AuthenticatorAssertionResponse assertion = authenticate(challenge);
        byte[] signature = assertion.getSignature().clone();
        signature[signature.length - 1] ^= 1;
        var data = webAuthn.parse(new AuthenticationRequest(passkey.credentialId, assertion.getUserHandle(),
                assertion.getAuthenticatorData(), assertion.getClientDataJSON(), signature));
        assertThatThrownBy(() -> webAuthn.verify(data, new AuthenticationParameters(
                new ServerProperty(ORIGIN, "example.com", new DefaultChallenge(challenge)),
                stored.toRecord(passkey), null, false, true)))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void anAssertionForAnotherChallengeDoesNotVerify() {
        PasskeyEntity passkey = register();
        AuthenticatorAssertionResponse assertion = authenticate(Hashes.newChallenge());
        var data = webAuthn.parse(new AuthenticationRequest(passkey.credentialId, assertion.getUserHandle(),
                assertion.getAuthenticatorData(), assertion.getClientDataJSON(), assertion.getSignature()));
        assertThatThrownBy(() -> webAuthn.verify(data, new AuthenticationParameters(
                new ServerProperty(ORIGIN, "example.com", new DefaultChallenge(Hashes.newChallenge())),
                stored.toRecord(passkey), null, false, true)))
                .isInstanceOf(VerificationException.class);
    }

    private PasskeyEntity register() {
        return register(client);
    }

    private PasskeyEntity register(ClientPlatform client) {
        byte[] challenge = Hashes.newChallenge();
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity("example.com", "Example"),
                new PublicKeyCredentialUserEntity(new byte[] {9, 9, 9}, "ada@example.com", "Ada"),
                new DefaultChallenge(challenge),
                WebAuthnCeremonies.ALGORITHMS,
                60_000L,
                List.of(),
                new AuthenticatorSelectionCriteria(null, true, ResidentKeyRequirement.REQUIRED,
                        UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE,
                null);
        AuthenticatorAttestationResponse response = client.create(options).getResponse();
        RegistrationData data = webAuthn.parse(new RegistrationRequest(response.getAttestationObject(),
                response.getClientDataJSON()));
        webAuthn.verify(data, new RegistrationParameters(
                new ServerProperty(ORIGIN, "example.com", new DefaultChallenge(challenge)),
                WebAuthnCeremonies.ALGORITHMS, false, true));
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        PasskeyEntity p = new PasskeyEntity();
        p.id = UUID.randomUUID();
        p.credentialId = credential.getCredentialId();
        p.publicKey = stored.publicKey(credential);
        p.aaguid = StoredCredential.aaguid(credential.getAaguid());
        p.signCount = data.getAttestationObject().getAuthenticatorData().getSignCount();
        p.transports = "internal";
        return p;
    }

    private AuthenticatorAssertionResponse authenticate(byte[] challenge) {
        return client.get(new PublicKeyCredentialRequestOptions(new DefaultChallenge(challenge), 60_000L,
                "example.com", List.of(), UserVerificationRequirement.PREFERRED, null)).getResponse();
    }
}
