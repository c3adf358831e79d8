package dev.latchkey.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SignUpPolicyTest {

    private static EmailAddress email(String s) {
        return EmailAddress.parse(s).orElseThrow();
    }

    @Test
    void openAdmitsEveryone() {
        assertThat(SignUpPolicy.OPEN.admits(email("anyone@anywhere.example"))).isTrue();
    }

    @Test
    void domainsAdmitOnlyListedDomainsExactly() {
        SignUpPolicy intranet = new SignUpPolicy(SignUpPolicy.Mode.DOMAINS, Set.of(" Example.COM ", "bank.example"));
        assertThat(intranet.admits(email("Ada@EXAMPLE.com"))).isTrue();
        assertThat(intranet.admits(email("ada@bank.example"))).isTrue();
        assertThat(intranet.admits(email("ada@mail.example.com"))).as("subdomains need listing").isFalse();
        assertThat(intranet.admits(email("ada@example.com.evil.example"))).isFalse();
        assertThat(intranet.admits(email("example.com@evil.example"))).isFalse();
        assertThat(intranet.refusal()).contains("bank.example, example.com");
    }

    @Test
    void domainModeWithoutDomainsIsAConfigurationError() {
        assertThatThrownBy(() -> new SignUpPolicy(SignUpPolicy.Mode.DOMAINS, Set.of(" ", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
