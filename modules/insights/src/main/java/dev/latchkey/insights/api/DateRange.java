package dev.latchkey.insights.api;

import dev.latchkey.nudges.api.Words;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days a dashboard covers, both included, in UTC: at most {@link #MAX_DAYS} days (a wider
 * range is refused, not cut, so that nobody reads a cut figure as the whole).
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    public DateRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("The end date must not be before the start date.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("Choose at most " + MAX_DAYS + " days.");
        }
    }

    /** The last {@link #DEFAULT_DAYS} days up to {@code today}. */
    public static DateRange lastDays(LocalDate today) {
        return new DateRange(today.minusDays(DEFAULT_DAYS - 1L), today);
    }

    /**
     * Parses {@code yyyy-mm-dd} dates as a form sends them; an empty one takes the default range's end.
     *
     * @return the range, or why it cannot be one (for a 4xx answer)
     */
    public static Parsed parse(String from, String to, LocalDate today) {
        try {
            DateRange fallback = lastDays(today);
            LocalDate end = blank(to) ? fallback.to() : LocalDate.parse(to.strip());
            LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : LocalDate.parse(from.strip());
            if (end.isBefore(start)) {
                return refused(Words.of("op.insights.problem.order"));
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                return refused(Words.of("op.insights.problem.tooLong", String.valueOf(MAX_DAYS)));
            }
            return new Parsed(Optional.of(new DateRange(start, end)), Optional.empty());
        } catch (DateTimeParseException e) {
            return refused(Words.of("op.insights.problem.date"));
        }
    }

    private static Parsed refused(Words problem) {
        return new Parsed(Optional.empty(), Optional.of(problem));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * A parse result: the range, or what is wrong with it in words ({@code op.insights.problem.*}, the
     * operator console's messages).
     */
    public record Parsed(Optional<DateRange> range, Optional<Words> problem) {
    }
}
