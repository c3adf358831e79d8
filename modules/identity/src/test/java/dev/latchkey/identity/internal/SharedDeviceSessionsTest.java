package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.identity.api.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sessions on a shared device are shorter: their own idle timeout and lifetime (SessionPolicy). */
class SharedDeviceSessionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

    @Test
    void aSharedDevicesSessionIsShorterThanAPersonalOne() {
        SessionPolicy policy = SessionPolicy.DEFAULT;
        assertThat(policy.idleOn(false)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.absoluteOn(false)).isEqualTo(Duration.ofHours(12));
        assertThat(policy.idleOn(true)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.absoluteOn(true)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aDeploymentsShorterPersonalLimitsAlsoBindSharedDevices() {
        SessionPolicy strict = new SessionPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertThat(strict.idleOn(true)).isEqualTo(Duration.ofMinutes(2));
        assertThat(strict.absoluteOn(true)).isEqualTo(Duration.ofMinutes(10));
        assertThat(new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(60),
                Duration.ofHours(1)).idleOn(true)).as("never longer than a personal device's").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSharedLimitThatMakesNoSenseIsRefused() {
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(20),
                Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "last seen {0} min ago, own idle {1} s: live {2}")
    @CsvSource({
            // a personal session (no idle of its own): the deployment's 30 minutes
            "4,  ,    true",
            "29, ,    true",
            "31, ,    false",
            // a shared device's session: its own 5 minutes
            "4,  300, true",
            "6,  300, false",
            "29, 300, false",
    })
    void aSessionEndsAfterItsOwnIdleTimeout(int minutesAgo, Integer idleSeconds, boolean live) {
        SessionLookup session = new SessionLookup(UUID.randomUUID(), UUID.randomUUID(), null, NOW.plus(Duration.ofHours(1)),
                NOW.minus(Duration.ofMinutes(minutesAgo)), idleSeconds, NOW);
        assertThat(session.live(Duration.ofMinutes(30))).isEqualTo(live);
    }
}
