package dev.latchkey.insights.internal;

import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.DateRange;
import dev.latchkey.insights.api.InsightsTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's sections on journeys beyond the sign-in: the link handoff's funnel, the automatic
 * upgrade's outcomes, help-article helpfulness and the time to a second covered device. Each reads a
 * few grouped rows of its rollup, never a raw event, and says which filters it follows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class JourneySections {

    static final String HANDOFF_FILTERS = "Follows the date range and the email-domain and sign-up filters; the device"
            + " filter does not apply (a handoff moves between two devices). Links that matched no account count only"
            + " without a domain or sign-up filter.";
    static final String ARTICLE_FILTERS = "Follows the date range only; the cohort filters do not apply: an answer carries"
            + " nothing about the person who gave it.";
    static final String SECOND_DEVICE_FILTERS = "The date range picks accounts by the day they signed up. The email-domain"
            + " and sign-up filters apply; the device filter does not (an account's devices are counted together).";

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

    private static final Map<String, String> HANDOFF_STEPS = new LinkedHashMap<>();

    static {
        HANDOFF_STEPS.put("ISSUED", "Links created");
        HANDOFF_STEPS.put("CLAIMED", "Opened on the second device");
        HANDOFF_STEPS.put("PASSKEY_PENDING", "Passkey created on the second device");
        HANDOFF_STEPS.put("PAIRED", "Confirmed with the pairing code (passkey added)");
        HANDOFF_STEPS.put("EXPIRED", "Expired before it was finished");
        HANDOFF_STEPS.put("FAILED", "Failed: wrong pairing code three times");
    }

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
        List<List<String>> funnel = new ArrayList<>();
        HANDOFF_STEPS.forEach((step, words) -> {
            long n = steps.getOrDefault(step, 0L);
            funnel.add(List.of(words, String.valueOf(n), JpaInsights.rate(n, created)));
        });
        funnel.add(List.of("Refused (see below)", String.valueOf(refused), JpaInsights.rate(refused, created)));
        boolean any = steps.values().stream().anyMatch(n -> n > 0);
        tables.add(new InsightsTable("handoff-funnel", "Link handoff funnel",
                "Adding a passkey on a second device with a link: created on the first device, opened on the second,"
                        + " a passkey created there, then confirmed with the pairing code; or expired, failed or refused."
                        + " The share is of links created.",
                List.of("Step", "Handoffs", "Of links created (%)"), any ? funnel : List.of(),
                InsightsTable.Chart.BAR, List.of(1), HANDOFF_FILTERS));
        List<List<String>> refusals = new ArrayList<>();
        steps.forEach((step, n) -> {
            if ((refusal(step) || step.equals("CODE_WRONG")) && n > 0) {
                refusals.add(List.of(step.toLowerCase(Locale.ROOT).replace('_', ' '), String.valueOf(n)));
            }
        });
        tables.add(new InsightsTable("handoff-refusals", "Link handoff refusals and wrong codes",
                "Why a handoff step was refused (an unknown, used, expired or claimed link, a limit), and wrong pairing"
                        + " codes typed.",
                List.of("Refusal", "Steps"), refusals, InsightsTable.Chart.NONE, List.of(), HANDOFF_FILTERS));
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
        List<List<String>> rows = new ArrayList<>();
        byVariant.forEach((variant, f) -> rows.add(upgradeRow("variant " + variant, f)));
        if (!byVariant.isEmpty()) {
            rows.add(upgradeRow("all variants", all));
        }
        tables.add(new InsightsTable("upgrade-outcomes", "Automatic passkey upgrade outcomes",
                "After a password sign-in on a browser that can save a passkey without asking (conditional create), the"
                        + " next page offers one: saved, declined by the person or the passkey manager, failed, or no"
                        + " outcome reported (the page was left first). Never offered on shared devices.",
                List.of("Copy variant", "Offered", "Passkey created", "Declined", "Failed", "No outcome reported",
                        "Created per offered (%)"), rows, InsightsTable.Chart.STACKED_BAR, List.of(2, 3, 4, 5)));
    }

    private static List<String> upgradeRow(String label, long[] f) {
        long open = Math.max(0, f[0] - f[1] - f[2] - f[3]);
        return List.of(label, String.valueOf(f[0]), String.valueOf(f[1]), String.valueOf(f[2]), String.valueOf(f[3]),
                String.valueOf(open), JpaInsights.rate(f[1], f[0]));
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
        List<List<String>> rows = new ArrayList<>();
        answers.forEach((key, f) -> {
            String[] k = key.split("\u0000", 2);
            rows.add(List.of(k[0], k[1], String.valueOf(f[0]), String.valueOf(f[1]), JpaInsights.rate(f[0], f[0] + f[1])));
        });
        tables.add(new InsightsTable("article-helpfulness", "Help articles: was this helpful?",
                "Answers per article and the language it was shown in (English where a translation was missing).",
                List.of("Article", "Language", "Yes", "No", "Helpful (%)"), rows, InsightsTable.Chart.NONE, List.of(),
                ARTICLE_FILTERS));
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
        List<List<String>> rows = new ArrayList<>();
        byMonth.forEach((month, histogram) -> rows.add(secondDeviceRow(month, histogram)));
        if (!byMonth.isEmpty()) {
            rows.add(secondDeviceRow("all in the range", all));
        }
        tables.add(new InsightsTable("second-device", "Time to a second covered device",
                "Accounts with a passkey, by the month they signed up: how many days passed from the first passkey to a"
                        + " second personal device covered by a passkey (created or used there). Median and 90th"
                        + " percentile of those who got there; the shares are of all accounts with a passkey, so the"
                        + " latest months, which had less time, look lower.",
                List.of("Sign-up month", "Accounts with a passkey", "Reached a second device", "Median days",
                        "90th percentile days", "Within 7 days (%)", "Within 30 days (%)"), rows,
                InsightsTable.Chart.BAR, List.of(5, 6), SECOND_DEVICE_FILTERS));
    }

    /** One cohort's row from its histogram (whole days to the second device; -1: not there yet). */
    static List<String> secondDeviceRow(String label, Map<Integer, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        long reached = histogram.entrySet().stream().filter(e -> e.getKey() >= 0).mapToLong(Map.Entry::getValue).sum();
        long within7 = histogram.entrySet().stream().filter(e -> e.getKey() >= 0 && e.getKey() <= 7)
                .mapToLong(Map.Entry::getValue).sum();
        long within30 = histogram.entrySet().stream().filter(e -> e.getKey() >= 0 && e.getKey() <= 30)
                .mapToLong(Map.Entry::getValue).sum();
        return List.of(label, String.valueOf(total), String.valueOf(reached), percentile(histogram, reached, 0.5),
                percentile(histogram, reached, 0.9), JpaInsights.rate(within7, total), JpaInsights.rate(within30, total));
    }

    /** The nearest-rank percentile of the days of those who got there; "n/a" when nobody did. */
    static String percentile(Map<Integer, Long> histogram, long reached, double q) {
        if (reached == 0) {
            return "n/a";
        }
        long rank = Math.max(1, (long) Math.ceil(q * reached));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(histogram).entrySet()) {
            if (e.getKey() < 0) {
                continue;
            }
            seen += e.getValue();
            if (seen >= rank) {
                return String.valueOf(e.getKey());
            }
        }
        throw new IllegalStateException("unreachable: " + reached + " accounts reached");
    }
}
