package dev.latchkey.credentials.internal;

import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import dev.latchkey.credentials.api.CeremonyRejected;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;

/**
 * What webauthn4j parses but does not refuse: authenticator-data flags that promise data that is
 * not there, and credential public keys nobody can verify a signature with. webauthn4j's
 * {@code COSEKey.validate()} only checks that the members are present; a key that is not on its
 * curve, of the wrong length, or an RSA key with {@code e = 1} would be stored and every later
 * sign-in with it would fail, or worse, prove nothing. Called by the ceremony verification after
 * webauthn4j parsed the response and before anything is written.
 */
final class CredentialChecks {

    /** RFC 9053 §2.1 / WebAuthn L3 §5.8.5: the curve each ECDSA algorithm is used with, and its field size in bytes. */
    private static final Map<COSEAlgorithmIdentifier, Curve> EC_CURVES = Map.of(
            COSEAlgorithmIdentifier.ES256, Curve.SECP256R1,
            COSEAlgorithmIdentifier.ES384, Curve.SECP384R1,
            COSEAlgorithmIdentifier.ES512, Curve.SECP521R1,
            COSEAlgorithmIdentifier.ESP256, Curve.SECP256R1,
            COSEAlgorithmIdentifier.ESP384, Curve.SECP384R1,
            COSEAlgorithmIdentifier.ESP512, Curve.SECP521R1);
    private static final Map<Curve, String> CURVE_NAMES = Map.of(
            Curve.SECP256R1, "P-256", Curve.SECP384R1, "P-384", Curve.SECP521R1, "P-521");
    private static final Map<Curve, Integer> FIELD_BYTES = Map.of(
            Curve.SECP256R1, 32, Curve.SECP384R1, 48, Curve.SECP521R1, 66);

    /** NIST SP 800-131A / FIPS 186-5: RSA signatures need a modulus of 2048 bits at least. */
    static final int MIN_RSA_BITS = 2048;
    /** Far beyond any authenticator; bounds the cost of every later verification. */
    static final int MAX_RSA_BITS = 16384;
    /** FIPS 186-5 §A.1.1: the public exponent is odd and 2^16 < e < 2^256. */
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.ONE.shiftLeft(16);
    private static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(256);

    private CredentialChecks() {
    }

    /**
     * §7.1 (#rp-op-registering-a-new-credential): the flags of a new credential's authenticator
     * data and the credential public key it carries.
     */
    static void registration(AuthenticatorData<?> authData) {
        extensionFlag(authData);
        // #sctn-authenticator-data: AT set means attested credential data follows (checked by the
        // caller, which needs the credential anyway); its key must be usable.
        credentialPublicKey(authData.getAttestedCredentialData().getCOSEKey());
    }

    /** §7.2 (#rp-op-verifying-assertion): the flags of an assertion's authenticator data. */
    static void assertion(AuthenticatorData<?> authData) {
        // #sctn-authenticator-data, #authdata-flags-at: attested credential data is only ever
        // produced by authenticatorMakeCredential (#sctn-op-make-cred step "attestedCredentialData");
        // authenticatorGetAssertion never includes it (#sctn-op-get-assertion step 9: "excluding
        // attestedCredentialData"). An assertion with AT set is not what a conforming authenticator sends.
        if (authData.isFlagAT() || authData.getAttestedCredentialData() != null) {
            throw refused("ceremony.detail.unreadableSignIn", "Your passkey sent a sign-in response we could not read. Please try again.");
        }
        extensionFlag(authData);
    }

    /**
     * #authdata-flags-ed: ED set if and only if extension data follows. webauthn4j reads ED with
     * nothing after it as no extensions at all; such data is malformed.
     */
    private static void extensionFlag(AuthenticatorData<?> authData) {
        boolean hasExtensions = authData.getExtensions() != null && !authData.getExtensions().getKeys().isEmpty();
        if (authData.isFlagED() != hasExtensions) {
            throw refused("ceremony.detail.unreadableData", "Your passkey sent data we could not read. Please try again.");
        }
    }

    /**
     * The credential public key must be one a signature can be verified with (RFC 9052 §7,
     * RFC 9053 §2 and §7, SEC 1 v2 §3.2.2.1 public key validation, FIPS 186-5 §A.1.1): its key
     * type matches its algorithm, an EC point lies on the curve of the algorithm with coordinates
     * of the field's size, an Ed25519/Ed448 key decodes to a point, an RSA key is long enough and
     * has a proper exponent. Never a private key.
     */
    static void credentialPublicKey(COSEKey key) {
        if (key == null || key.getAlgorithm() == null || !key.hasPublicKey() || key.hasPrivateKey()) {
            throw unusableKey();
        }
        COSEAlgorithmIdentifier alg = key.getAlgorithm();
        if (key instanceof EC2COSEKey ec) {
            ecKey(ec, alg);
        } else if (key instanceof EdDSACOSEKey ed) {
            edKey(ed, alg);
        } else if (key instanceof RSACOSEKey rsa) {
            rsaKey(rsa, alg);
        } else {
            throw unusableKey();
        }
    }

    private static void ecKey(EC2COSEKey key, COSEAlgorithmIdentifier alg) {
        Curve curve = EC_CURVES.get(alg);
        // WebAuthn L3 §5.8.5: "Keys with algorithm ES256 (-7) MUST specify P-256 (1) as the crv
        // parameter and MUST NOT use the compressed point form."
        if (curve == null || key.getCurve() != curve || key.getX() == null || key.getY() == null
                || key.getX().length != FIELD_BYTES.get(curve) || key.getY().length != FIELD_BYTES.get(curve)) {
            throw unusableKey();
        }
        X9ECParameters parameters = CustomNamedCurves.getByName(CURVE_NAMES.get(curve));
        try {
            // SEC 1 §3.2.2.1: coordinates in the field, the point on the curve and not at infinity
            // (the curves here have cofactor 1, so on the curve means in the group).
            org.bouncycastle.math.ec.ECPoint point = parameters.getCurve()
                    .validatePoint(new BigInteger(1, key.getX()), new BigInteger(1, key.getY()));
            if (point.isInfinity() || !point.isValid()) {
                throw unusableKey();
            }
        } catch (IllegalArgumentException e) {
            throw unusableKey();
        }
    }

    private static void edKey(EdDSACOSEKey key, COSEAlgorithmIdentifier alg) {
        byte[] x = key.getX();
        boolean ed25519 = alg == COSEAlgorithmIdentifier.EdDSA || alg == COSEAlgorithmIdentifier.Ed25519;
        boolean ed448 = alg == COSEAlgorithmIdentifier.EdDSA || alg == COSEAlgorithmIdentifier.Ed448;
        if (x == null) {
            throw unusableKey();
        }
        try {
            // RFC 8032 §5.1.3 / §5.2.3: a 32-byte (Ed25519) or 57-byte (Ed448) encoding of a point
            // on the curve; Bouncy Castle's decoding refuses anything else.
            if (ed25519 && key.getCurve() == Curve.ED25519 && x.length == Ed25519PublicKeyParameters.KEY_SIZE) {
                new Ed25519PublicKeyParameters(x);
            } else if (ed448 && key.getCurve() == Curve.ED448 && x.length == Ed448PublicKeyParameters.KEY_SIZE) {
                new Ed448PublicKeyParameters(x);
            } else {
                throw unusableKey();
            }
        } catch (IllegalArgumentException e) {
            throw unusableKey();
        }
    }

    private static void rsaKey(RSACOSEKey key, COSEAlgorithmIdentifier alg) {
        if (!(alg == COSEAlgorithmIdentifier.RS256 || alg == COSEAlgorithmIdentifier.RS384
                || alg == COSEAlgorithmIdentifier.RS512 || alg == COSEAlgorithmIdentifier.PS256
                || alg == COSEAlgorithmIdentifier.PS384 || alg == COSEAlgorithmIdentifier.PS512)
                || key.getN() == null || key.getE() == null) {
            throw unusableKey();
        }
        BigInteger n = new BigInteger(1, key.getN());
        BigInteger e = new BigInteger(1, key.getE());
        if (n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS || !n.testBit(0)
                || !e.testBit(0) || e.compareTo(MIN_RSA_EXPONENT) <= 0 || e.compareTo(MAX_RSA_EXPONENT) >= 0
                || e.compareTo(n) >= 0) {
            throw unusableKey();
        }
    }

    private static CeremonyRejected unusableKey() {
        return refused("ceremony.detail.unusableKey",
                "This passkey's key cannot be used to sign in. Try another passkey manager or security key.");
    }

    private static CeremonyRejected refused(String key, String message) {
        return new CeremonyRejected(CeremonyRejected.Reason.MALFORMED, key, java.util.List.of(), message, null);
    }
}
