package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbTest {

    @Test
    void theDifferenceOfTwoProportionsComesWithItsWaldInterval() {
        // A: 30 of 100 (30 %), B: 45 of 100 (45 %): difference 15 points, SE = sqrt(.21/100 + .2475/100) = 0.0676.
        List<String> row = JpaInsights.ab("first passkey", "a", 100, 30, "b", 100, 45);
        assertThat(row.get(7)).isEqualTo("15.0");
        assertThat(row.get(8)).isEqualTo("1.7 to 28.3");
    }

    @Test
    void noPromptsShownMeansNoFigureRatherThanADivisionByZero() {
        assertThat(JpaInsights.ab("s", "a", 0, 0, "b", 10, 1).subList(7, 9)).containsExactly("n/a", "n/a");
    }
}
