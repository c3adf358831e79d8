package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.Hint;
import dev.latchkey.credentials.api.RegistrationPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rules make of the operator's settings; the verification itself is proven by RegistrationPolicyIT. */
class RegistrationRulesTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultPolicyAsksForNothingSpecial() {
        RegistrationRules rules = rules(RegistrationPolicy.DEFAULT);
        assertThat(rules.problem()).isEmpty();
        assertThat(rules.conveyance()).isEqualTo("none");
        assertThat(rules.hints(Optional.empty())).isEmpty();
        assertThat(rules.selection(Optional.empty()).authenticatorAttachment()).isNull();
        assertThat(rules.selection(Optional.empty()).userVerification()).isEqualTo("preferred");
        assertThat(rules.selection(Optional.of(Hint.CLIENT_DEVICE)).authenticatorAttachment()).isEqualTo("platform");
        assertThat(rules.hints(Optional.of(Hint.HYBRID))).containsExactly("hybrid");
        assertThat(rules.passkeyCap()).isEqualTo(20);
    }

    @Test
    void aSecurityKeyPolicyAsksForSecurityKeysAndRefusesThisDevice() throws IOException {
        Path anchors = Files.writeString(dir.resolve("roots.pem"), pem());
        RegistrationRules rules = rules(policy("required", "cross-platform", "direct", anchors.toString()));
        assertThat(rules.problem()).isEmpty();
        assertThat(rules.conveyance()).isEqualTo("direct");
        assertThat(rules.selection(Optional.empty()).userVerification()).isEqualTo("required");
        assertThat(rules.selection(Optional.empty()).authenticatorAttachment()).isEqualTo("cross-platform");
        assertThat(rules.hints(Optional.empty())).containsExactly("security-key", "hybrid");
        assertThatThrownBy(() -> rules.checkStart(Optional.of(Hint.CLIENT_DEVICE)))
                .isInstanceOfSatisfying(CeremonyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.ATTACHMENT_NOT_ALLOWED));
        rules.checkStart(Optional.of(Hint.SECURITY_KEY));
    }

    @Test
    void anUnreadableOrEmptyAnchorFileStopsRegistrationInsteadOfTrustingNothingSilently() throws IOException {
        Path missing = dir.resolve("missing.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        for (Path file : new Path[] {missing, empty, garbage}) {
            RegistrationRules rules = rules(policy("", "", "direct", file.toString()));
            assertThat(rules.problem()).as(file.toString()).get().asString().contains(file.toString());
            assertThatThrownBy(() -> rules.checkStart(Optional.empty()))
                    .isInstanceOfSatisfying(CeremonyRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(CeremonyRejected.Reason.POLICY_UNAVAILABLE));
        }
    }

    @Test
    void aSettingThatCannotBeUnderstoodStopsRegistration() {
        RegistrationRules rules = rules(policy("sometimes", "", "none", ""));
        assertThat(rules.problem()).get().asString().contains("LATCHKEY_REGISTRATION_USER_VERIFICATION");
        assertThatThrownBy(() -> rules.checkStart(Optional.empty())).isInstanceOf(CeremonyRejected.class);
    }

    private static RegistrationPolicy policy(String uv, String attachment, String attestation, String anchors) {
        return RegistrationPolicy.parse(uv, attachment, "", "", "", attestation, anchors, "");
    }

    private static RegistrationRules rules(RegistrationPolicy policy) {
        RegistrationRules rules = new RegistrationRules();
        rules.policy = policy;
        rules.build();
        return rules;
    }

    /** webauthn4j-test's 3-tier test root CA, as an operator's PEM file would hold it. */
    private static String pem() throws IOException {
        try {
            java.security.cert.Certificate c = com.webauthn4j.test.TestAttestationUtil.load3tierTestRootCACertificate();
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
