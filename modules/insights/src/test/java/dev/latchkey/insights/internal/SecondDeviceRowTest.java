package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import dev.latchkey.insights.api.Cell;
import dev.latchkey.nudges.api.Words;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SecondDeviceRowTest {

    @Test
    void medianAndNinetiethPercentileAreNearestRankOverThoseWhoGotThereAndSharesAreOfEveryAccountWithAPasskey() {
        // 10 accounts: 4 not there yet; 6 reached after 0, 0, 3, 7, 20, 45 days.
        Map<Integer, Long> h = new TreeMap<>(Map.of(-1, 4L, 0, 2L, 3, 1L, 7, 1L, 20, 1L, 45, 1L));
        assertThat(JourneySections.secondDeviceRow(Cell.of("2026-11"), h).stream().map(Cell::text))
                .containsExactly("2026-11", "10", "6", "3", "45", "40.0", "50.0");
    }

    @Test
    void nobodyThereYetGivesNoPercentileRatherThanAZero() {
        List<Cell> row = JourneySections.secondDeviceRow(Cell.of("x"), Map.of(-1, 3L));
        assertThat(row.stream().map(Cell::text)).containsExactly("x", "3", "0", "n/a", "n/a", "0.0", "0.0");
        assertThat(row.get(3).words()).contains(Words.of("op.insights.cell.notAvailable"));
    }

    @Test
    void daysAreWholeDaysFromTheFirstPasskeyAndNeverNegative() {
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(SecondDevices.days(first, Instant.parse("2026-12-02T09:59:59Z"))).isZero();
        assertThat(SecondDevices.days(first, Instant.parse("2026-12-08T10:00:00Z"))).isEqualTo(7);
        assertThat(SecondDevices.days(first, Instant.parse("2026-11-30T10:00:00Z"))).isZero();
    }

    @Test
    void handoffRefusalsAreTheRefusedStepsOnly() {
        assertThat(JourneySections.refusal("REFUSED_EXPIRED")).isTrue();
        assertThat(JourneySections.refusal("CEREMONY_REFUSED")).isTrue();
        assertThat(JourneySections.refusal("CODE_WRONG")).isFalse();
        assertThat(JourneySections.refusal("PAIRED")).isFalse();
    }
}
