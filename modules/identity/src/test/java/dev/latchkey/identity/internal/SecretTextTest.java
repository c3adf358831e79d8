package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTextTest {

    @Test
    void theStoredTextHoldsTheMarkAndSendingPutsTheSecretBack() {
        String subject = "Your sign-in code: 123456";
        String stored = SecretText.hide(subject, "123456");
        assertThat(stored).doesNotContain("123456").contains(SecretText.MARK);
        assertThat(SecretText.reveal(stored, "123456")).isEqualTo(subject);
        assertThat(SecretText.redact(stored)).isEqualTo("Your sign-in code: [removed]");
    }

    @Test
    void everyOccurrenceOfTheSecretIsHidden() {
        String body = "Open https://x.example/signup?invitation=TOKEN (or type TOKEN)";
        assertThat(SecretText.hide(body, "TOKEN")).doesNotContain("TOKEN");
    }

    @Test
    void withoutASecretTheTextIsKeptAsItIs() {
        assertThat(SecretText.hide("Your email address was changed", null)).isEqualTo("Your email address was changed");
        assertThat(SecretText.hide("Hello", " ")).isEqualTo("Hello");
        assertThat(SecretText.kept(" ")).isNull();
    }

    @Test
    void addressesAreMaskedToTheirFirstLetterAndDomain() {
        assertThat(SecretText.maskAddress("jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(SecretText.maskAddress("@example.com")).isEqualTo("***");
        assertThat(SecretText.maskAddress(null)).isEmpty();
    }
}
