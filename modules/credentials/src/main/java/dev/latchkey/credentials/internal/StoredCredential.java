package dev.latchkey.credentials.internal;

import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts between webauthn4j's credential data and the columns of {@code cred_passkey}: the
 * COSE public key is kept exactly as the authenticator sent it, beside the AAGUID and the
 * credential id, and reassembled into attested credential data (§6.5.2) for verification.
 */
final class StoredCredential {

    private final AttestedCredentialDataConverter converter;

    /**
     * Parsed attested credential data by its exact stored bytes (AAGUID, credential id, COSE key).
     * Parsing the COSE key went through Jackson's introspection on every sign-in, about a tenth of a
     * sign-in's CPU in a JFR profile (BENCHMARKS.md). Keyed by the bytes, not by the passkey's id: a
     * key that changed is parsed afresh, never served from here. The values are immutable. At most
     * {@link #CACHED} entries, the least recently used leaving first.
     */
    private final Map<ByteBuffer, AttestedCredentialData> reassembled = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, AttestedCredentialData> eldest) {
                    return size() > CACHED;
                }
            });

    static final int CACHED = 10_000;

    StoredCredential(ObjectConverter objectConverter) {
        this.converter = new AttestedCredentialDataConverter(objectConverter);
    }

    /** The COSE_Key bytes: what follows AAGUID (16), length (2) and the credential id. */
    byte[] publicKey(AttestedCredentialData credential) {
        byte[] all = converter.convert(credential);
        return Arrays.copyOfRange(all, 16 + 2 + credential.getCredentialId().length, all.length);
    }

    CredentialRecord toRecord(PasskeyEntity p) {
        byte[] bytes = ByteBuffer.allocate(16 + 2 + p.credentialId.length + p.publicKey.length)
                .put(uuidBytes(p.aaguid))
                .putShort((short) p.credentialId.length)
                .put(p.credentialId)
                .put(p.publicKey)
                .array();
        AttestedCredentialData attested = reassembled.computeIfAbsent(ByteBuffer.wrap(bytes), b -> converter.convert(bytes));
        Set<AuthenticatorTransport> transports = PasskeyStore.transports(p).stream()
                .map(AuthenticatorTransport::create).collect(Collectors.toSet());
        return new CredentialRecordImpl(new NoneAttestationStatement(), p.userVerified, p.backupEligible,
                p.backupState, p.signCount, attested, null, null, null, transports);
    }

    static UUID aaguid(AAGUID aaguid) {
        return aaguid == null ? new UUID(0, 0) : aaguid.getValue();
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
