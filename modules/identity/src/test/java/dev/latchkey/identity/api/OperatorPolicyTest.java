package dev.latchkey.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorPolicyTest {

    @Test
    void listsNormalisedAddressesAndIgnoresWhatIsNotAnAddress() {
        OperatorPolicy policy = OperatorPolicy.parse(" Ops@Example.COM , not-an-address,, second@example.org");
        assertThat(policy.addresses()).hasSize(2);
        assertThat(policy.lists(EmailAddress.parse("ops@example.com").orElseThrow())).isTrue();
        assertThat(policy.lists(EmailAddress.parse("second@example.org").orElseThrow())).isTrue();
        assertThat(policy.lists(EmailAddress.parse("ops@example.com.evil.example").orElseThrow())).isFalse();
        assertThat(OperatorPolicy.parse("").addresses()).isEmpty();
        assertThat(OperatorPolicy.parse(null).addresses()).isEmpty();
    }

    @Test
    void invitationModeAdmitsNobodyWithoutAnInvitationAndSaysSo() {
        assertThat(SignUpPolicy.INVITATION.byInvitation()).isTrue();
        assertThat(SignUpPolicy.OPEN.byInvitation()).isFalse();
        assertThat(SignUpPolicy.INVITATION.admits(EmailAddress.parse("anyone@example.com").orElseThrow())).isFalse();
        assertThat(SignUpPolicy.INVITATION.refusal()).contains("needs an invitation");
    }
}
