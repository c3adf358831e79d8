package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.MailQueue;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRetriesTest {

    private static final MailQueue.Settings SETTINGS = new MailQueue.Settings(12, Duration.ofSeconds(10),
            Duration.ofMinutes(15), Duration.ofSeconds(10));

    @Test
    void theWaitDoublesFromTheFirstRetryUpToTheLongest() {
        assertThat(MailDelivery.retryAfter(1, SETTINGS, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailDelivery.retryAfter(2, SETTINGS, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(MailDelivery.retryAfter(5, SETTINGS, 0)).isEqualTo(Duration.ofSeconds(160));
        assertThat(MailDelivery.retryAfter(8, SETTINGS, 0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(MailDelivery.retryAfter(400, SETTINGS, 0)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterLeavesOutUpToHalfTheWaitSoThatFailuresDoNotComeBackTogether() {
        assertThat(MailDelivery.retryAfter(2, SETTINGS, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailDelivery.retryAfter(2, SETTINGS, 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(MailDelivery.retryAfter(8, SETTINGS, 0.999)).isGreaterThanOrEqualTo(Duration.ofSeconds(450));
    }

    @Test
    void theWaitIsAtLeastASecond() {
        MailQueue.Settings quick = new MailQueue.Settings(3, Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(MailDelivery.retryAfter(1, quick, 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedRecipientOrAMalformedAddressIsNotRetriedButATemporaryFailureIs() throws Exception {
        assertThat(MailDelivery.permanent(new AddressException("bad"))).isTrue();
        assertThat(MailDelivery.permanent(new SendFailedException("550 no such user", null, null, null,
                new InternetAddress[] {new InternetAddress("a@example.com")}))).isTrue();
        assertThat(MailDelivery.permanent(new SendFailedException("451 try later", null, null,
                new InternetAddress[] {new InternetAddress("a@example.com")}, null))).isFalse();
        assertThat(MailDelivery.permanent(new jakarta.mail.MessagingException("connection refused"))).isFalse();
    }

    @Test
    void settingsRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailQueue.Settings(0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailQueue.Settings(3, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
