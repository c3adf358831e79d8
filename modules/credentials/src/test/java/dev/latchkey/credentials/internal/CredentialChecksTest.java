package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import dev.latchkey.credentials.api.CeremonyRejected;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialChecksTest {

    @Test
    void keysAuthenticatorsReallyMakeAreAccepted() throws Exception {
        assertThatCode(() -> CredentialChecks.credentialPublicKey(
                EC2COSEKey.create((ECPublicKey) pair("EC", new ECGenParameterSpec("secp256r1")).getPublic(),
                        COSEAlgorithmIdentifier.ES256))).doesNotThrowAnyException();
        assertThatCode(() -> CredentialChecks.credentialPublicKey(
                EdDSACOSEKey.create((EdECPublicKey) pair("Ed25519", null).getPublic(), COSEAlgorithmIdentifier.EdDSA)))
                .doesNotThrowAnyException();
        assertThatCode(() -> CredentialChecks.credentialPublicKey(
                RSACOSEKey.create((RSAPublicKey) pair("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4))
                        .getPublic(), COSEAlgorithmIdentifier.RS256))).doesNotThrowAnyException();
    }

    @Test
    void keysNobodyCanVerifyWithAreRefused() throws Exception {
        ECPublicKey p256 = (ECPublicKey) pair("EC", new ECGenParameterSpec("secp256r1")).getPublic();
        EC2COSEKey good = EC2COSEKey.create(p256, COSEAlgorithmIdentifier.ES256);
        RSAPublicKey rsa = (RSAPublicKey) pair("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)).getPublic();
        byte[] n = unsigned(rsa.getModulus());
        Map<String, COSEKey> bad = new LinkedHashMap<>();
        bad.put("ES256 on P-384", EC2COSEKey.create((ECPublicKey) pair("EC", new ECGenParameterSpec("secp384r1")).getPublic(),
                COSEAlgorithmIdentifier.ES256));
        bad.put("off the curve", new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1, good.getX(),
                flipped(good.getY())));
        bad.put("(0,0)", new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1, new byte[32], new byte[32]));
        bad.put("x of 31 bytes", new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                Arrays.copyOfRange(good.getX(), 1, 32), good.getY()));
        bad.put("x beyond the field", new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                filled(32, 0xff), good.getY()));
        bad.put("EC key announced as RS256", EC2COSEKey.create(p256, COSEAlgorithmIdentifier.RS256));
        bad.put("with its private part", new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                good.getX(), good.getY(), filled(32, 1)));
        bad.put("RSA e = 1", new RSACOSEKey(null, COSEAlgorithmIdentifier.RS256, null, n, new byte[] {1}));
        bad.put("RSA e = 3", new RSACOSEKey(null, COSEAlgorithmIdentifier.RS256, null, n, new byte[] {3}));
        bad.put("RSA e even", new RSACOSEKey(null, COSEAlgorithmIdentifier.RS256, null, n, new byte[] {1, 0, 0}));
        bad.put("RSA 1024 bits", RSACOSEKey.create((RSAPublicKey) pair("RSA", new RSAKeyGenParameterSpec(1024,
                RSAKeyGenParameterSpec.F4)).getPublic(), COSEAlgorithmIdentifier.RS256));
        bad.put("RSA announced as ES256", new RSACOSEKey(null, COSEAlgorithmIdentifier.ES256, null, n, new byte[] {1, 0, 1}));
        bad.put("Ed25519 of 31 bytes", new EdDSACOSEKey(null, COSEAlgorithmIdentifier.EdDSA, null, Curve.ED25519,
                filled(31, 5), null));
        bad.put("Ed25519 not a point", new EdDSACOSEKey(null, COSEAlgorithmIdentifier.EdDSA, null, Curve.ED25519,
                notAnEd25519Point(), null));
        for (Map.Entry<String, COSEKey> key : bad.entrySet()) {
            assertThatThrownBy(() -> CredentialChecks.credentialPublicKey(key.getValue())).as(key.getKey())
                    .isInstanceOf(CeremonyRejected.class);
        }
    }

    @Test
    void flagsMustMatchTheDataThatFollows() throws Exception {
        EC2COSEKey key = EC2COSEKey.create((ECPublicKey) pair("EC", new ECGenParameterSpec("secp256r1")).getPublic(),
                COSEAlgorithmIdentifier.ES256);
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, new byte[16], key);
        byte up = AuthenticatorData.BIT_UP;
        byte at = AuthenticatorData.BIT_AT;
        byte ed = AuthenticatorData.BIT_ED;
        assertThatCode(() -> CredentialChecks.registration(new AuthenticatorData<>(new byte[32], (byte) (up | at), 0,
                credential))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CredentialChecks.registration(new AuthenticatorData<>(new byte[32], (byte) (up | at | ed), 0,
                credential))).as("ED without extensions").isInstanceOf(CeremonyRejected.class);
        assertThatCode(() -> CredentialChecks.assertion(new AuthenticatorData<>(new byte[32], up, 1)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CredentialChecks.assertion(new AuthenticatorData<>(new byte[32], (byte) (up | at), 1)))
                .as("AT in an assertion").isInstanceOf(CeremonyRejected.class);
        assertThatThrownBy(() -> CredentialChecks.assertion(new AuthenticatorData<>(new byte[32], (byte) (up | ed), 1)))
                .as("ED without extensions").isInstanceOf(CeremonyRejected.class);
    }

    /** y = 2 is on Ed25519 for no x (x^2 = (y^2 - 1) / (d y^2 + 1) is not a square mod p), as the spec's decoding finds. */
    private static byte[] notAnEd25519Point() {
        for (int y = 2; y < 1000; y++) {
            byte[] encoded = new byte[32];
            encoded[0] = (byte) y;
            encoded[1] = (byte) (y >> 8);
            try {
                new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(encoded);
            } catch (IllegalArgumentException e) {
                return encoded;
            }
        }
        throw new IllegalStateException("every small y decoded");
    }

    private static KeyPair pair(String algorithm, java.security.spec.AlgorithmParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        }
        return generator.generateKeyPair();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[31] ^= 1;
        return copy;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
