package dev.latchkey.benchmarks;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.util.Base64;
import java.util.Set;

/**
 * The floor of a passkey sign-in: what webauthn4j does with one assertion (ES256), as Latchkey
 * calls it (WebAuthnCeremonies: a non-strict manager, parse the response JSON, verify against the
 * stored credential record), with no HTTP, no database and no session. One instance holds one
 * registered credential and one assertion over a fixed challenge; {@link #verify()} may run any
 * number of times (webauthn4j raises the record's sign count on success; it is set back to 0 first,
 * so the counter check passes every time, as a fresh, larger count would in a real sign-in).
 */
final class RawAssertion {

    private static final String ORIGIN = "http://localhost:9437";
    private static final String RP_ID = "localhost";

    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(new ObjectConverter());
    private final String assertionJson;
    private final CredentialRecordImpl record;
    private final ServerProperty serverProperty;
    private final com.webauthn4j.converter.AttestedCredentialDataConverter attestedConverter =
            new com.webauthn4j.converter.AttestedCredentialDataConverter(new ObjectConverter());
    private final byte[] attestedBytes;

    RawAssertion() {
        SoftwarePasskey passkey = new SoftwarePasskey(ORIGIN);
        byte[] challenge = new byte[32];
        new java.security.SecureRandom().nextBytes(challenge);
        String b64Challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(challenge);
        String creation = "{\"rp\":{\"id\":\"" + RP_ID + "\",\"name\":\"Latchkey\"},\"user\":{\"id\":\"AAECAwQFBgcICQoLDA0ODw\","
                + "\"name\":\"raw@example.com\",\"displayName\":\"Raw\"},\"challenge\":\"" + b64Challenge + "\","
                + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7}],\"timeout\":60000}";
        RegistrationData registration = webAuthn.parseRegistrationResponseJSON(passkey.create(creation));
        AttestedCredentialData attested = registration.getAttestationObject().getAuthenticatorData()
                .getAttestedCredentialData();
        attestedBytes = attestedConverter.convert(attested);
        record = new CredentialRecordImpl(new NoneAttestationStatement(), true, false, false, 0, attested,
                null, null, null, null);
        assertionJson = passkey.get("{\"challenge\":\"" + b64Challenge + "\",\"timeout\":60000,\"rpId\":\"" + RP_ID + "\"}");
        serverProperty = new ServerProperty(Set.of(new Origin(ORIGIN)), RP_ID, new DefaultChallenge(challenge));
        verify(); // fails here, not in the measurement, if anything above is wrong
    }

    /**
     * Reassembles the credential's attested data from its stored bytes, as Latchkey did for every
     * sign-in before it remembered them (StoredCredential.toRecord: the COSE key parsed anew).
     */
    com.webauthn4j.data.attestation.authenticator.AttestedCredentialData reassemble() {
        return attestedConverter.convert(attestedBytes);
    }

    /** Parses and verifies the assertion (§7.2 steps 7-21 as webauthn4j does them). */
    AuthenticationData verify() {
        record.setCounter(0);
        AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(assertionJson);
        return webAuthn.verify(data, new AuthenticationParameters(serverProperty, record, null, false, true));
    }
}
