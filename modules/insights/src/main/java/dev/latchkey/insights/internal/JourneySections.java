package dev.latchkey.insights.internal;

import dev.latchkey.insights.api.Cell;
import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.DateRange;
import dev.latchkey.insights.api.InsightsTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.latchkey.nudges.api.Words;
import java.util.TreeMap;

/**
 * The dashboard's sections on journeys beyond the sign-in: the link handoff's funnel, the automatic
 * upgrade's outcomes, help-article helpfulness and the time to a second covered device. Each reads a
 * few grouped rows of its rollup, never a raw event, and says which filters it follows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class JourneySections {


    @PersistenceContext(unitName = "insights")
    EntityManager em;

    /**
     * @param nudgeRows the nudge rollup's rows in the range and cohort (scenario, device group, variant, step,
     *                  events), as the dashboard read them for its funnel: the upgrade outcomes are among them
     */
    void add(DateRange range, Cohort cohort, List<Object[]> nudgeRows, List<InsightsTable> tables) {
        handoffs(range, cohort, tables);
        upgrades(nudgeRows, tables);
        articles(range, tables);
        secondDevice(range, cohort, tables);
    }

    private List<?> rows(String sql, DateRange range, List<Object> more) {
        return CohortQueries.rows(em, sql, range, more);
    }

    // --- handoffs -------------------------------------------------------------------------------

    /** The funnel's steps in order; refused steps follow as one row. */
    private static final List<String> HANDOFF_STEPS = List.of("ISSUED", "CLAIMED", "PASSKEY_PENDING", "PAIRED", "EXPIRED",
            "FAILED");

    private void handoffs(DateRange range, Cohort cohort, List<InsightsTable> tables) {
        List<Object> parameters = new ArrayList<>();
        Map<String, Long> steps = new TreeMap<>();
        for (Object row : rows("select step, sum(events) from " + CohortQueries.handoffTable(cohort) + " where on_day between ? and ?"
                + CohortQueries.accountClause(cohort, parameters) + " group by step", range, parameters)) {
            Object[] r = (Object[]) row;
            steps.merge((String) r[0], JpaInsights.num(r[1]), Long::sum);
        }
        long created = steps.getOrDefault("ISSUED", 0L);
        long refused = steps.entrySet().stream().filter(e -> refusal(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        List<List<Cell>> funnel = new ArrayList<>();
        for (String step : HANDOFF_STEPS) {
            long n = steps.getOrDefault(step, 0L);
            funnel.add(List.of(TableWords.handoffStep(step), Cell.of(String.valueOf(n)), Cell.of(JpaInsights.rate(n, created))));
        }
        funnel.add(List.of(TableWords.handoffStep("REFUSED"), Cell.of(String.valueOf(refused)),
                Cell.of(JpaInsights.rate(refused, created))));
        boolean any = steps.values().stream().anyMatch(n -> n > 0);
        tables.add(new InsightsTable("handoff-funnel", InsightsTable.columns("handoff-funnel",
                "Step", "Handoffs", "Of links created (%)"), any ? funnel : List.of(),
                InsightsTable.Chart.BAR, List.of(1), Optional.of(Words.of("insights.handoff-funnel.filters"))));
        List<List<Cell>> refusals = new ArrayList<>();
        steps.forEach((step, n) -> {
            if ((refusal(step) || step.equals("CODE_WRONG")) && n > 0) {
                refusals.add(List.of(TableWords.handoffStep(step), Cell.of(String.valueOf(n))));
            }
        });
        tables.add(new InsightsTable("handoff-refusals", InsightsTable.columns("handoff-refusals", "Refusal", "Steps"),
                refusals, InsightsTable.Chart.NONE, List.of(), Optional.of(Words.of("insights.handoff-refusals.filters"))));
    }

    static boolean refusal(String step) {
        return step.startsWith("REFUSED_") || step.endsWith("_REFUSED");
    }

    // --- automatic upgrades ---------------------------------------------------------------------

    private void upgrades(List<Object[]> nudgeRows, List<InsightsTable> tables) {
        Map<String, long[]> byVariant = new TreeMap<>();
        long[] all = new long[4];
        for (Object[] r : nudgeRows) {
            if (!"AUTOMATIC_UPGRADE".equals(r[0])) {
                continue;
            }
            int i = switch ((String) r[3]) {
                case "OFFERED" -> 0;
                case "COMPLETED" -> 1;
                case "DECLINED" -> 2;
                case "FAILED" -> 3;
                default -> -1;
            };
            if (i >= 0) {
                long n = JpaInsights.num(r[4]);
                byVariant.computeIfAbsent((String) r[2], k -> new long[4])[i] += n;
                all[i] += n;
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        byVariant.forEach((variant, f) -> rows.add(upgradeRow(TableWords.variant(variant), f)));
        if (!byVariant.isEmpty()) {
            rows.add(upgradeRow(TableWords.allVariants(), all));
        }
        tables.add(new InsightsTable("upgrade-outcomes", InsightsTable.columns("upgrade-outcomes",
                "Copy variant", "Offered", "Passkey created", "Declined", "Failed", "No outcome reported",
                "Created per offered (%)"), rows, InsightsTable.Chart.STACKED_BAR, List.of(2, 3, 4, 5)));
    }

    private static List<Cell> upgradeRow(Cell label, long[] f) {
        long open = Math.max(0, f[0] - f[1] - f[2] - f[3]);
        List<Cell> row = new ArrayList<>(List.of(label));
        row.addAll(InsightsTable.data(String.valueOf(f[0]), String.valueOf(f[1]), String.valueOf(f[2]),
                String.valueOf(f[3]), String.valueOf(open), JpaInsights.rate(f[1], f[0])));
        return row;
    }

    // --- help articles --------------------------------------------------------------------------

    private void articles(DateRange range, List<InsightsTable> tables) {
        Map<String, long[]> answers = new TreeMap<>();
        for (Object row : rows("select slug, language, helpful, sum(answers) from ins_article_feedback_daily"
                + " where on_day between ? and ? group by slug, language, helpful", range, List.of())) {
            Object[] r = (Object[]) row;
            answers.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new long[2])[Boolean.TRUE.equals(r[2]) ? 0 : 1]
                    += JpaInsights.num(r[3]);
        }
        List<List<Cell>> rows = new ArrayList<>();
        answers.forEach((key, f) -> {
            String[] k = key.split("\u0000", 2);
            rows.add(InsightsTable.data(k[0], k[1], String.valueOf(f[0]), String.valueOf(f[1]),
                    JpaInsights.rate(f[0], f[0] + f[1])));
        });
        tables.add(new InsightsTable("article-helpfulness", InsightsTable.columns("article-helpfulness",
                "Article", "Language", "Yes", "No", "Helpful (%)"), rows, InsightsTable.Chart.NONE, List.of(),
                Optional.of(Words.of("insights.article-helpfulness.filters"))));
    }

    // --- time to a second covered device --------------------------------------------------------

    private void secondDevice(DateRange range, Cohort cohort, List<InsightsTable> tables) {
        List<Object> parameters = new ArrayList<>();
        Map<String, Map<Integer, Long>> byMonth = new TreeMap<>();
        Map<Integer, Long> all = new TreeMap<>();
        for (Object row : rows("select extract(year from signed_up_on), extract(month from signed_up_on), days,"
                + " sum(accounts) from ins_second_device_daily where signed_up_on between ? and ?"
                + CohortQueries.accountClause(cohort, parameters)
                + " group by extract(year from signed_up_on), extract(month from signed_up_on), days", range, parameters)) {
            Object[] r = (Object[]) row;
            String month = String.format(Locale.ROOT, "%04d-%02d", JpaInsights.num(r[0]), JpaInsights.num(r[1]));
            int days = (int) JpaInsights.num(r[2]);
            long n = JpaInsights.num(r[3]);
            byMonth.computeIfAbsent(month, k -> new TreeMap<>()).merge(days, n, Long::sum);
            all.merge(days, n, Long::sum);
        }
        List<List<Cell>> rows = new ArrayList<>();
        byMonth.forEach((month, histogram) -> rows.add(secondDeviceRow(Cell.of(month), histogram)));
        if (!byMonth.isEmpty()) {
            rows.add(secondDeviceRow(TableWords.allInRange(), all));
        }
        tables.add(new InsightsTable("second-device", InsightsTable.columns("second-device",
                "Sign-up month", "Accounts with a passkey", "Reached a second device", "Median days",
                "90th percentile days", "Within 7 days (%)", "Within 30 days (%)"), rows,
                InsightsTable.Chart.BAR, List.of(5, 6), Optional.of(Words.of("insights.second-device.filters"))));
    }

    /** One cohort's row from its histogram (whole days to the second device; -1: not there yet). */
    static List<Cell> secondDeviceRow(Cell label, Map<Integer, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        long reached = histogram.entrySet().stream().filter(e -> e.getKey() >= 0).mapToLong(Map.Entry::getValue).sum();
        long within7 = histogram.entrySet().stream().filter(e -> e.getKey() >= 0 && e.getKey() <= 7)
                .mapToLong(Map.Entry::getValue).sum();
        long within30 = histogram.entrySet().stream().filter(e -> e.getKey() >= 0 && e.getKey() <= 30)
                .mapToLong(Map.Entry::getValue).sum();
        return List.of(label, Cell.of(String.valueOf(total)), Cell.of(String.valueOf(reached)),
                percentile(histogram, reached, 0.5), percentile(histogram, reached, 0.9),
                Cell.of(JpaInsights.rate(within7, total)), Cell.of(JpaInsights.rate(within30, total)));
    }

    /** The nearest-rank percentile of the days of those who got there; "n/a" when nobody did. */
    static Cell percentile(Map<Integer, Long> histogram, long reached, double q) {
        if (reached == 0) {
            return TableWords.notAvailable();
        }
        long rank = Math.max(1, (long) Math.ceil(q * reached));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(histogram).entrySet()) {
            if (e.getKey() < 0) {
                continue;
            }
            seen += e.getValue();
            if (seen >= rank) {
                return Cell.of(String.valueOf(e.getKey()));
            }
        }
        throw new IllegalStateException("unreachable: " + reached + " accounts reached");
    }
}
