package dev.latchkey.credentials.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

    private static final String KEY = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

    @Test
    void unsetSettingsAreTheDefaultPolicy() {
        RegistrationPolicy policy = RegistrationPolicy.parse("", null, "", "", "", "", "", "");
        assertThat(policy).isEqualTo(RegistrationPolicy.DEFAULT);
        assertThat(policy.restrictive()).isFalse();
        assertThat(policy.enforced()).isFalse();
    }

    @Test
    void anIntranetPolicyIsReadAsWritten() {
        RegistrationPolicy policy = RegistrationPolicy.parse("Required", "cross-platform", "false",
                KEY + ", " + KEY.toUpperCase(), "", "direct", "/etc/latchkey/roots.pem", "5");
        assertThat(policy.problems()).isEmpty();
        assertThat(policy.userVerification()).isEqualTo(RegistrationPolicy.UserVerification.REQUIRED);
        assertThat(policy.attachment()).isEqualTo(RegistrationPolicy.Attachment.CROSS_PLATFORM);
        assertThat(policy.syncedAllowed()).isFalse();
        assertThat(policy.allowedAaguids()).containsExactly(UUID.fromString(KEY));
        assertThat(policy.trustAnchors()).isEqualTo(Optional.of("/etc/latchkey/roots.pem"));
        assertThat(policy.passkeyCap()).isEqualTo(5);
        assertThat(policy.enforced()).isTrue();
        assertThat(policy.allows(Hint.SECURITY_KEY)).isTrue();
        assertThat(policy.allows(Hint.HYBRID)).isTrue();
        assertThat(policy.allows(Hint.CLIENT_DEVICE)).isFalse();
        assertThat(policy.describe()).contains("attachment cross-platform").contains("synced passkeys refused")
                .contains(KEY).contains("attestation direct");
    }

    @Test
    void withoutAttestationARestrictivePolicyIsOnlyAdvisory() {
        RegistrationPolicy policy = RegistrationPolicy.parse("", "platform", "", "", KEY, "none", "", "");
        assertThat(policy.restrictive()).isTrue();
        assertThat(policy.enforced()).isFalse();
        assertThat(policy.allows(Hint.CLIENT_DEVICE)).isTrue();
        assertThat(policy.allows(Hint.SECURITY_KEY)).isFalse();
    }

    @Test
    void whatCannotBeUnderstoodIsListedNotIgnored() {
        RegistrationPolicy policy = RegistrationPolicy.parse("always", "usb", "no", "not-an-aaguid", "", "indirect", "",
                "0");
        assertThat(policy.problems()).hasSize(6)
                .anyMatch(p -> p.contains("LATCHKEY_REGISTRATION_USER_VERIFICATION") && p.contains("'always'"))
                .anyMatch(p -> p.contains("LATCHKEY_REGISTRATION_ATTACHMENT"))
                .anyMatch(p -> p.contains("LATCHKEY_REGISTRATION_SYNCED_ALLOWED"))
                .anyMatch(p -> p.contains("not-an-aaguid"))
                .anyMatch(p -> p.contains("LATCHKEY_ATTESTATION_CONVEYANCE"))
                .anyMatch(p -> p.contains("LATCHKEY_PASSKEY_CAP"));
        assertThat(policy.enforced()).isFalse();
    }

    @Test
    void directAttestationWithoutTrustAnchorsIsAProblem() {
        RegistrationPolicy policy = RegistrationPolicy.parse("", "", "", "", "", "direct", " ", "");
        assertThat(policy.problems()).singleElement().asString().contains("LATCHKEY_ATTESTATION_TRUST_ANCHORS");
        assertThat(policy.enforced()).isFalse();
    }

    @Test
    void hintsAreTheWebAuthnStringsAndNothingElse() {
        assertThat(Hint.of("security-key")).contains(Hint.SECURITY_KEY);
        assertThat(Hint.of(" Hybrid ")).contains(Hint.HYBRID);
        assertThat(Hint.of("client-device")).contains(Hint.CLIENT_DEVICE);
        assertThat(Hint.of("usb")).isEmpty();
        assertThat(Hint.of(null)).isEmpty();
    }
}
