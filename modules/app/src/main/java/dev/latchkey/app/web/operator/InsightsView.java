package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.insights.api.Cell;
import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.Dashboard;
import dev.latchkey.insights.api.InsightsTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code operator-insights}: the dashboard for a date range, its tables (each with a chart where
 * one helps, drawn from the table itself, and a CSV link), and the rebuild form for admins.
 *
 * @param problem what is wrong with the requested range (empty when nothing)
 * @param notice  what the last action did ("Figures rebuilt from ..."), empty otherwise
 */
public record InsightsView(String from, String to, int maxDays, String problem, String notice, String snapshotAt,
                           CohortView cohort, List<HeadlineView> headlines, List<TableView> tables, boolean mayRebuild)
        implements PageView {

    @Override
    public String template() {
        return "operator-insights";
    }

    /** A headline in the reader's language; {@code value} is empty when the figure is not measured yet. */
    public record HeadlineView(String label, String value, String detail) {

        static HeadlineView of(Dashboard.Headline h, java.util.function.Function<dev.latchkey.nudges.api.Words, String> say,
                               Locale locale) {
            return new HeadlineView(say.apply(h.label()), h.value().map(v -> Decimals.shown(v, locale)).orElse(""),
                    say.apply(h.detail()));
        }
    }

    /**
     * The cohort filter's fields as the form shows them, and in words what is counted
     * ({@code described} is empty when the fields were refused).
     */
    public record CohortView(String domain, String signUp, String device, String described) {

        static CohortView of(Cohort c, java.util.function.Function<dev.latchkey.nudges.api.Words, String> say) {
            return new CohortView(c.domainField(), c.signUpField(), c.deviceField(), c.isAll() ? "" : say.apply(c.described()));
        }

        /** The query string's cohort part ("&domain=example.com&signup=self"), empty for all. */
        static String query(Cohort c) {
            StringBuilder q = new StringBuilder();
            if (!c.domainField().isEmpty()) {
                q.append("&domain=").append(enc(c.domainField()));
            }
            if (!c.signUpField().isEmpty()) {
                q.append("&signup=").append(c.signUpField());
            }
            if (!c.deviceField().isEmpty()) {
                q.append("&device=").append(c.deviceField());
            }
            return q.toString();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A table as the page shows it: its title, caption and filters from its id ({@code insights.<id>.*}), its
     * headers and the cells that are words of ours in the reader's language, data as the CSV has it.
     *
     * @param filters which filters the table follows, in words; empty when it follows all of them
     */
    public record TableView(String id, String title, String caption, String filters, List<String> columns,
                            List<List<String>> rows, String chart, String series, String exportHref) {

        static TableView of(InsightsTable t, String from, String to, Cohort cohort,
                            java.util.function.Function<dev.latchkey.nudges.api.Words, String> say, Locale locale) {
            java.util.function.Function<Cell, String> cell = c -> c.words().map(say).orElse(Decimals.shown(c.text(), locale));
            return new TableView(t.id(), say.apply(dev.latchkey.nudges.api.Words.of("insights." + t.id() + ".title")),
                    say.apply(dev.latchkey.nudges.api.Words.of("insights." + t.id() + ".caption")),
                    t.filters().map(say).orElse(""), t.columns().stream().map(cell).toList(),
                    t.rows().stream().map(r -> r.stream().map(cell).toList()).toList(),
                    t.chart() == InsightsTable.Chart.NONE ? "" : t.chart().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    t.series().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "/operator/insights/export?table=" + t.id() + "&from=" + enc(from) + "&to=" + enc(to)
                            + CohortView.query(cohort));
        }
    }
}
