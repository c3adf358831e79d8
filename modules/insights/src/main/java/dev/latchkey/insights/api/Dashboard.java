package dev.latchkey.insights.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The insights dashboard for a date range: headline figures and the tables behind them.
 *
 * @param cohort     whose sign-ins and nudge steps are counted ({@link Cohort#ALL}: everyone's)
 * @param snapshotAt when the coverage figures were taken (the newest snapshot in the range); empty
 *                   when none was taken yet
 */
public record Dashboard(DateRange range, Cohort cohort, Optional<Instant> snapshotAt, List<Headline> headlines,
                        List<InsightsTable> tables) {

    public Dashboard {
        headlines = List.copyOf(headlines);
        tables = List.copyOf(tables);
    }

    public Optional<InsightsTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * One headline figure: "Multi-device coverage", "62.5 %", "250 of 400 active devices", in words
     * ({@code op.insights.h.*}: the operator console's messages), the figures as plain arguments.
     *
     * @param value the figure, empty when it is not measured yet
     */
    public record Headline(dev.latchkey.nudges.api.Words label, Optional<String> value,
                           dev.latchkey.nudges.api.Words detail) {
    }
}
