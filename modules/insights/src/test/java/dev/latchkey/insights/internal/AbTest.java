package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.insights.api.Cell;
import dev.latchkey.nudges.api.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbTest {

    @Test
    void theDifferenceOfTwoProportionsComesWithItsWaldInterval() {
        // A: 30 of 100 (30 %), B: 45 of 100 (45 %): difference 15 points, SE = sqrt(.21/100 + .2475/100) = 0.0676.
        List<Cell> row = JpaInsights.ab("FIRST_PASSKEY", "a", 100, 30, "b", 100, 45);
        assertThat(row.get(7)).isEqualTo(Cell.of("15.0"));
        // The CSV holds the interval as "low to high", a page says it in the reader's language.
        assertThat(row.get(8)).isEqualTo(Cell.said("1.7 to 28.3", Words.of("op.insights.cell.interval", "1.7", "28.3")));
        assertThat(row.get(0)).isEqualTo(Cell.said("FIRST_PASSKEY", Words.of("op.insights.cell.scenario.FIRST_PASSKEY")));
    }

    @Test
    void noPromptsShownMeansNoFigureRatherThanADivisionByZero() {
        Cell none = Cell.said("n/a", Words.of("op.insights.cell.notAvailable"));
        assertThat(JpaInsights.ab("s", "a", 0, 0, "b", 10, 1).subList(7, 9)).containsExactly(none, none);
        assertThat(JpaInsights.ab("s", "a", 0, 0, "b", 10, 1).get(0)).as("a scenario we do not know stays data")
                .isEqualTo(Cell.of("s"));
    }
}
