package dev.latchkey.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewAccountTest {

    @Test
    void normalisesTheEmailAndTrimsTheName() {
        NewAccount.Validation v = NewAccount.validate("  Ada.Lovelace@Example.COM ", "  Ada Lovelace ");
        assertThat(v.valid()).isTrue();
        NewAccount account = v.account().orElseThrow();
        assertThat(account.email().value()).isEqualTo("ada.lovelace@example.com");
        assertThat(account.displayName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void internationalDomainsAreStoredInTheirAsciiForm() {
        assertThat(EmailAddress.parse("jörg@bücher.example").map(EmailAddress::value))
                .hasValue("jörg@xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-at-sign", "two@@example.com", "a@b@example.com", "@example.com",
            "name@", "name@localhost", "name@.example.com", "name@example..com", "na me@example.com",
            "<script>@example.com"})
    void implausibleAddressesGetAReadableMessage(String email) {
        NewAccount.Validation v = NewAccount.validate(email, "Name");
        assertThat(v.valid()).isFalse();
        assertThat(v.errors()).containsKey("email");
        assertThat(v.errors().get("email")).startsWith("Enter");
    }

    @Test
    void overlongInputIsRefusedWithoutParsing() {
        String local = "a".repeat(65);
        assertThat(NewAccount.validate(local + "@example.com", "Name").errors()).containsKey("email");
        assertThat(NewAccount.validate("x".repeat(300) + "@example.com", "Name").errors().get("email"))
                .isEqualTo("That email address is too long.");
        assertThat(NewAccount.validate("ok@example.com", "n".repeat(65)).errors().get("displayName"))
                .contains("at most 64");
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        assertThat(NewAccount.validate("ok@example.com", "Evil\u0000Name").errors()).containsKey("displayName");
        assertThat(NewAccount.validate("ok@example.com", "").errors().get("displayName"))
                .isEqualTo("Enter the name you would like us to use.");
    }

    @Test
    void everyNewAccountGetsItsOwnRandomUserHandle() {
        UserHandle a = NewAccount.validate("a@example.com", "A").account().orElseThrow().userHandle();
        UserHandle b = NewAccount.validate("a@example.com", "A").account().orElseThrow().userHandle();
        assertThat(a.bytes()).hasSize(UserHandle.LENGTH);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.base64Url()).doesNotContain("example");
    }

    @Test
    void anEmailAddressValueMustAlreadyBeNormalised() {
        assertThatThrownBy(() -> new EmailAddress("Upper@Example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmailAddress("upper@example.com").value()).isEqualTo("upper@example.com");
    }

    @Test
    void userHandlesHaveOneTo64Bytes() {
        assertThatThrownBy(() -> UserHandle.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserHandle.of(new byte[65])).isInstanceOf(IllegalArgumentException.class);
        assertThat(UserHandle.of(new byte[] {1, 2, 3})).isEqualTo(UserHandle.of(new byte[] {1, 2, 3}));
    }
}
