package dev.latchkey.insights.api;

import dev.latchkey.nudges.api.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table of the dashboard: what a page shows (and a chart draws from) and what its CSV export
 * holds, cell for cell ({@link Cell}: the CSV's text, and the page's words where a cell is words of ours).
 * Numbers are formatted already. A page takes the table's title and caption from its id
 * ({@code insights.<id>.title}, {@code insights.<id>.caption}: the operator console's messages).
 *
 * @param id      a short name, also the CSV file's ({@code sign-ins-by-method})
 * @param columns the headers: the CSV's English names (stable for spreadsheets), the page's words
 * @param chart   how a page may draw it; {@link Chart#NONE} for tables that are only tables
 * @param series  the columns a chart draws (by index; the first column is always the labels)
 * @param filters which of the dashboard's filters the table follows, in words ({@code insights.<id>.filters}:
 *                "The date range applies; the cohort filters do not: ..."); empty when all of them do
 */
public record InsightsTable(String id, List<Cell> columns, List<List<Cell>> rows, Chart chart, List<Integer> series,
                            Optional<Words> filters) {

    /** A table that follows every filter. */
    public InsightsTable(String id, List<Cell> columns, List<List<Cell>> rows, Chart chart, List<Integer> series) {
        this(id, columns, rows, chart, series, Optional.empty());
    }

    public InsightsTable {
        series = List.copyOf(series);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": a row of " + row.size() + " cells under " + columns.size() + " columns");
            }
        }
    }

    /** A table drawn as nothing but itself. */
    public static InsightsTable plain(String id, List<Cell> columns, List<List<Cell>> rows) {
        return new InsightsTable(id, columns, rows, Chart.NONE, List.of());
    }

    /** Headers by their English names for the CSV, said on a page as {@code insights.<id>.col.<index>}. */
    public static List<Cell> columns(String id, String... english) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < english.length; i++) {
            out.add(Cell.said(english[i], Words.of("insights." + id + ".col." + i)));
        }
        return out;
    }

    /** Data cells, shown as the CSV holds them. */
    public static List<Cell> data(String... cells) {
        return java.util.Arrays.stream(cells).map(Cell::of).toList();
    }

    /** Charts draw the first column as labels and the {@link #series} columns as series. */
    public enum Chart {
        NONE, BAR, STACKED_BAR, LINE
    }
}
