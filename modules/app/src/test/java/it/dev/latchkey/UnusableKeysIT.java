package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Public keys nobody can verify with, and authenticator-data flags that promise what is not there
 * (WebAuthn L3 §6.1, §7.1, §7.2; RFC 9053; SEC 1 §3.2.2): refused with a 4xx, nothing stored,
 * nobody signed in. The responses are what an authenticator making them would send: "none"
 * attestation signs nothing at registration, and assertions are signed again by the emulator's key.
 */
class UnusableKeysIT {

    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";

    @Test
    void aSignUpWithAPublicKeyThatCannotBeUsedCreatesNoAccount() throws Exception {
        Map<String, Supplier<COSEKey>> keys = new LinkedHashMap<>();
        keys.put("ES256 on P-384", () -> EC2COSEKey.create((ECPublicKey) ecKey("secp384r1"), COSEAlgorithmIdentifier.ES256));
        keys.put("a point not on P-256", () -> new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                filled(32, 0x11), filled(32, 0x22)));
        keys.put("the point (0,0)", () -> new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                new byte[32], new byte[32]));
        keys.put("a 31-byte x", () -> {
            EC2COSEKey good = EC2COSEKey.create((ECPublicKey) ecKey("secp256r1"), COSEAlgorithmIdentifier.ES256);
            return new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1,
                    Arrays.copyOfRange(good.getX(), 1, 32), good.getY());
        });
        keys.put("RSA with e = 1", () -> {
            RSAPublicKey rsa = (RSAPublicKey) rsaKey(2048);
            return new RSACOSEKey(null, COSEAlgorithmIdentifier.RS256, null, unsigned(rsa.getModulus()), new byte[] {1});
        });
        keys.put("RSA with a 1024-bit modulus", () -> RSACOSEKey.create((RSAPublicKey) rsaKey(1024),
                COSEAlgorithmIdentifier.RS256));
        keys.put("Ed25519 of 31 bytes", () -> new EdDSACOSEKey(null, COSEAlgorithmIdentifier.EdDSA, null, Curve.ED25519,
                filled(31, 0x05), null));
        keys.put("an EC key announced as RS256", () -> EC2COSEKey.create((ECPublicKey) ecKey("secp256r1"),
                COSEAlgorithmIdentifier.RS256));
        for (Map.Entry<String, Supplier<COSEKey>> key : keys.entrySet()) {
            Browser browser = new Browser();
            String email = Journeys.uniqueEmail("bad-key");
            String options = Journeys.signUpOptions(browser, email, "Bad Key");
            String registration = Authenticator.withCredential(new Authenticator().create(options), key.getValue().get(), null);
            long passkeys = Database.tableSize("cred_passkey");
            HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(registration));
            assertThat(finish.statusCode()).as("%s: %s", key.getKey(), finish.body()).isBetween(400, 499);
            assertThat(finish.body()).as(key.getKey()).contains("\"error\":\"").doesNotContain("Exception");
            assertThat(Database.count("select count(*) from idn_account where pending_email = ? or email = ?", email, email))
                    .as("%s: no account", key.getKey()).isZero();
            assertThat(Database.tableSize("cred_passkey")).as("%s: no passkey", key.getKey()).isEqualTo(passkeys);
            assertThat(browser.signedIn()).as(key.getKey()).isFalse();
        }
    }

    @Test
    void theUntouchedRegistrationOfTheSameShapeIsAccepted() {
        // The helper itself changes nothing else: the same response with the emulator's own key passes.
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("good-key");
        String options = Journeys.signUpOptions(browser, email, "Good Key");
        String registration = Authenticator.withCredential(new Authenticator().create(options), null, null);
        HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(registration));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
    }

    @Test
    void anExtensionFlagWithoutExtensionDataIsRefusedAtRegistration() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("ed-flag");
        String options = Journeys.signUpOptions(browser, email, "ED Flag");
        String registration = new Authenticator().create(options);
        // #sctn-authenticator-data: ED (bit 7) says extension data follows; here none does.
        String edWithoutData = Authenticator.withCredential(registration, null,
                Authenticator.registrationFlags(registration) | 0x80);
        HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(edWithoutData));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(400);
        assertThat(finish.body()).contains("\"error\":\"");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ? or email = ?", email, email))
                .isZero();
    }

    @Test
    void anAssertionClaimingAttestedCredentialDataIsRefusedAtSignInAndStepUp() {
        Browser browser = new Browser();
        Authenticator authenticator = new Authenticator();
        String email = Journeys.uniqueEmail("at-flag");
        Journeys.signUp(browser, authenticator, email);

        // Step-up: AT (bit 6) set on a signature the authenticator's key made.
        HttpResponse<String> stepUpOptions = browser.postJson("/api/account/stepup/options", "{}");
        assertThat(stepUpOptions.statusCode()).as(stepUpOptions.body()).isEqualTo(200);
        String stepUp = authenticator.resigned(authenticator.get(stepUpOptions.body()), UnusableKeysIT::withAtFlag);
        long signCount = signCount(email);
        HttpResponse<String> stepUpFinish = browser.postJson("/api/account/stepup/finish", Journeys.finishBody(stepUp));
        assertThat(stepUpFinish.statusCode()).as(stepUpFinish.body()).isEqualTo(400);
        assertThat(signCount(email)).as("sign count unchanged").isEqualTo(signCount);

        // Sign-in.
        assertThat(browser.postForm("/signout", "").statusCode()).isEqualTo(302);
        String signIn = authenticator.resigned(authenticator.get(Journeys.signInOptions(browser, "modal")),
                UnusableKeysIT::withAtFlag);
        HttpResponse<String> signInFinish = Journeys.signIn(browser, signIn);
        assertThat(signInFinish.statusCode()).as(signInFinish.body()).isEqualTo(400);
        assertThat(signInFinish.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("latchkey_session="));
        assertThat(browser.signedIn()).isFalse();
        assertThat(signCount(email)).as("sign count unchanged").isEqualTo(signCount);

        // The same assertion re-signed without the change is accepted: the refusal was the flag's.
        String honest = authenticator.resigned(authenticator.get(Journeys.signInOptions(browser, "modal")), b -> b);
        HttpResponse<String> accepted = Journeys.signIn(browser, honest);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    private static byte[] withAtFlag(byte[] authData) {
        byte[] changed = authData.clone();
        changed[32] |= 0x40;
        return changed;
    }

    private static long signCount(String email) {
        return Database.count("select coalesce(sum(sign_count), 0) + count(last_used_at) from cred_passkey where account_id = "
                + ACCOUNT_OF, email, email);
    }

    private static java.security.PublicKey ecKey(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey rsaKey(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
