package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.AbuseLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseAbuseLimitsTest {

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToItsCap() {
        for (int i = 0; i < AbuseLimits.FREE_FAILURES; i++) {
            assertThat(DatabaseAbuseLimits.delayAfter(i)).isZero();
        }
        assertThat(DatabaseAbuseLimits.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DatabaseAbuseLimits.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DatabaseAbuseLimits.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(DatabaseAbuseLimits.delayAfter(15)).isEqualTo(AbuseLimits.MAX_DELAY);
        assertThat(DatabaseAbuseLimits.delayAfter(99)).isEqualTo(AbuseLimits.MAX_DELAY);
        assertThat(DatabaseAbuseLimits.delayAfter(Integer.MAX_VALUE)).isEqualTo(AbuseLimits.MAX_DELAY);
    }
}
