package dev.latchkey.insights.api;

import java.util.List;

/**
 * One table of the dashboard: what a page shows (and a chart draws from) and what its CSV export
 * holds, cell for cell. Cells are plain text; numbers are formatted already.
 *
 * @param id      a short name, also the CSV file's ({@code sign-ins-by-method})
 * @param chart   how a page may draw it; {@link Chart#NONE} for tables that are only tables
 * @param series  the columns a chart draws (by index; the first column is always the labels)
 * @param filters which of the dashboard's filters the table follows, in words ("The date range applies;
 *                the cohort filters do not: ..."); empty when all of them do
 */
public record InsightsTable(String id, String title, String caption, List<String> columns, List<List<String>> rows,
                            Chart chart, List<Integer> series, String filters) {

    /** A table that follows every filter. */
    public InsightsTable(String id, String title, String caption, List<String> columns, List<List<String>> rows,
                         Chart chart, List<Integer> series) {
        this(id, title, caption, columns, rows, chart, series, "");
    }

    public InsightsTable {
        series = List.copyOf(series);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": a row of " + row.size() + " cells under " + columns.size() + " columns");
            }
        }
    }

    /** A table drawn as nothing but itself. */
    public static InsightsTable plain(String id, String title, String caption, List<String> columns,
                                      List<List<String>> rows) {
        return new InsightsTable(id, title, caption, columns, rows, Chart.NONE, List.of());
    }

    /** Charts draw the first column as labels and the {@link #series} columns as series. */
    public enum Chart {
        NONE, BAR, STACKED_BAR, LINE
    }
}
