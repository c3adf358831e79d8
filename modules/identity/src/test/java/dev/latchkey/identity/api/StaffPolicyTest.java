package dev.latchkey.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffPolicyTest {

    @Test
    void listsNormalisedAddressesAndIgnoresWhatIsNotAnAddress() {
        StaffPolicy policy = StaffPolicy.parse(" Ops@Example.COM , not-an-address,, second@example.org", null, "");
        assertThat(policy.addresses().get(StaffRole.OPERATOR)).hasSize(2);
        assertThat(policy.lists(EmailAddress.parse("ops@example.com").orElseThrow())).isTrue();
        assertThat(policy.lists(EmailAddress.parse("second@example.org").orElseThrow())).isTrue();
        assertThat(policy.lists(EmailAddress.parse("ops@example.com.evil.example").orElseThrow())).isFalse();
        assertThat(StaffPolicy.parse("", "", "").lists(EmailAddress.parse("ops@example.com").orElseThrow())).isFalse();
        assertThat(StaffPolicy.parse(null, null, null).addresses().values()).allMatch(java.util.Set::isEmpty);
    }

    @Test
    void anAddressHasEveryRoleItIsListedForAndThePermissionTableDecidesWhatThoseGrant() {
        StaffPolicy policy = StaffPolicy.parse("both@example.com", "both@example.com,admin@example.com", "agent@example.com");
        EmailAddress both = EmailAddress.parse("both@example.com").orElseThrow();
        EmailAddress agent = EmailAddress.parse("agent@example.com").orElseThrow();
        assertThat(policy.roles(both)).containsExactlyInAnyOrder(StaffRole.OPERATOR, StaffRole.ADMIN);
        assertThat(policy.roles(agent)).containsExactly(StaffRole.AGENT);
        assertThat(Permission.ACCOUNT_LOOKUP.grantedToAny(policy.roles(agent))).isTrue();
        assertThat(Permission.INSIGHTS.grantedToAny(policy.roles(agent))).isFalse();
        assertThat(Permission.INSIGHTS_REBUILD.grantedToAny(java.util.Set.of(StaffRole.OPERATOR))).isFalse();
        assertThat(Permission.INSIGHTS_REBUILD.grantedToAny(java.util.Set.of(StaffRole.ADMIN))).isTrue();
        assertThat(Permission.CONSOLE.grantedToAny(java.util.Set.of())).isFalse();
        assertThat(Permission.INSIGHTS.rolesInWords()).isEqualTo("operator or admin");
    }

    @Test
    void invitationModeAdmitsNobodyWithoutAnInvitationAndSaysSo() {
        assertThat(SignUpPolicy.INVITATION.byInvitation()).isTrue();
        assertThat(SignUpPolicy.OPEN.byInvitation()).isFalse();
        assertThat(SignUpPolicy.INVITATION.admits(EmailAddress.parse("anyone@example.com").orElseThrow())).isFalse();
        assertThat(SignUpPolicy.INVITATION.refusal()).contains("needs an invitation");
    }
}
