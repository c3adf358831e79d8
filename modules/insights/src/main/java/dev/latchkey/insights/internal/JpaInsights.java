package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.Cell;
import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.Dashboard;
import dev.latchkey.insights.api.DateRange;
import dev.latchkey.insights.api.Insights;
import dev.latchkey.insights.api.InsightsTable;
import dev.latchkey.nudges.api.NudgeEvent;
import dev.latchkey.nudges.api.Nudges;
import dev.latchkey.nudges.api.Words;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The dashboard, from the rollups and snapshots only, and the rebuild. Each reads what it needs
 * with a handful of grouped queries over at most {@link DateRange#MAX_DAYS} days of daily rows,
 * whatever the number of accounts or events.
 */
@ApplicationScoped
@Transactional
class JpaInsights implements Insights {

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    Rollups rollups;

    @Inject
    CoverageSnapshots snapshots;

    @Inject
    StaffActions actions;

    @Inject
    SignIns signIns;

    @Inject
    Nudges nudges;

    @Inject
    Cohorts cohorts;

    @Inject
    JourneySections journeys;

    @Inject
    SecondDevices secondDevices;

    @Inject
    dev.latchkey.nudges.api.Handoffs handoffs;

    @Inject
    dev.latchkey.education.api.ArticleFeedback feedback;

    @Override
    public Dashboard dashboard(StepUpProof viewer, DateRange range, Cohort cohort) {
        staff.confirm(viewer, Permission.INSIGHTS);
        List<Dashboard.Headline> headlines = new ArrayList<>();
        List<InsightsTable> tables = new ArrayList<>();
        Optional<java.time.Instant> snapshotAt = coverage(range, headlines, tables);
        signIns(range, cohort, headlines, tables);
        // The nudge rollup is read once: the funnel and the automatic upgrade's outcomes share its rows.
        List<Object[]> nudgeRows = nudgeRows(range, cohort);
        funnel(nudgeRows, tables);
        journeys.add(range, cohort, nudgeRows, tables);
        return new Dashboard(range, cohort, snapshotAt, headlines, tables);
    }

    private List<?> rows(String sql, DateRange range, List<Object> more) {
        return CohortQueries.rows(em, sql, range, more);
    }

    // --- coverage -------------------------------------------------------------------------------

    private Optional<java.time.Instant> coverage(DateRange range, List<Dashboard.Headline> headlines,
                                                 List<InsightsTable> tables) {
        List<?> newest = em.createNativeQuery("select taken_on, taken_at from ins_coverage_snapshot where dimension = 'ALL'"
                        + " and taken_on between ? and ? order by taken_on desc")
                .setParameter(1, range.from()).setParameter(2, range.to()).setMaxResults(1).getResultList();
        if (newest.isEmpty()) {
            headlines.add(new Dashboard.Headline(Words.of("op.insights.h.coverage"), Optional.empty(),
                    Words.of("op.insights.h.coverage.none")));
            return Optional.empty();
        }
        Object[] n = (Object[]) newest.get(0);
        LocalDate day = localDate(n[0]);
        long[] all = figures("ALL", day).getOrDefault("", new long[9]);
        headlines.add(headline("adoption", all[CoverageSnapshots.WITH_PASSKEY], all[CoverageSnapshots.ACCOUNTS]));
        headlines.add(headline("coverage", all[CoverageSnapshots.COVERED_DEVICES], all[CoverageSnapshots.ACTIVE_DEVICES]));
        headlines.add(headline("fullyCovered", all[CoverageSnapshots.FULLY_COVERED], all[CoverageSnapshots.ACCOUNTS]));
        headlines.add(headline("twoCovered", all[CoverageSnapshots.TWO_COVERED], all[CoverageSnapshots.ACCOUNTS]));
        headlines.add(headline("synced", all[CoverageSnapshots.SYNCED], all[CoverageSnapshots.PASSKEYS]));
        headlines.add(new Dashboard.Headline(Words.of("op.insights.h.atRisk"),
                Optional.of(String.valueOf(all[CoverageSnapshots.AT_RISK])), Words.of("op.insights.h.atRisk.detail")));

        List<List<Cell>> platformRows = new ArrayList<>();
        figures("PLATFORM", day).forEach((key, f) -> platformRows.add(InsightsTable.data(key,
                String.valueOf(f[CoverageSnapshots.ACTIVE_DEVICES]), String.valueOf(f[CoverageSnapshots.COVERED_DEVICES]),
                rate(f[CoverageSnapshots.COVERED_DEVICES], f[CoverageSnapshots.ACTIVE_DEVICES]))));
        tables.add(new InsightsTable("coverage-by-platform", InsightsTable.columns("coverage-by-platform",
                "Platform / browser", "Active devices", "Covered devices", "Coverage (%)"), platformRows,
                InsightsTable.Chart.BAR, List.of(3)));

        List<List<Cell>> providerRows = new ArrayList<>();
        figures("PROVIDER", day).forEach((key, f) -> providerRows.add(List.of(TableWords.provider(key),
                Cell.of(String.valueOf(f[CoverageSnapshots.PASSKEYS])), Cell.of(String.valueOf(f[CoverageSnapshots.SYNCED])),
                Cell.of(rate(f[CoverageSnapshots.SYNCED], f[CoverageSnapshots.PASSKEYS])))));
        tables.add(new InsightsTable("passkeys-by-provider", InsightsTable.columns("passkeys-by-provider",
                "Provider", "Passkeys", "Synced", "Synced (%)"), providerRows, InsightsTable.Chart.BAR, List.of(1, 2)));

        List<List<Cell>> trend = new ArrayList<>();
        for (Object row : em.createNativeQuery("select taken_on, accounts, accounts_with_passkey, active_devices, covered_devices"
                        + " from ins_coverage_snapshot where dimension = 'ALL' and taken_on between ? and ? order by taken_on")
                .setParameter(1, range.from()).setParameter(2, range.to()).getResultList()) {
            Object[] r = (Object[]) row;
            trend.add(InsightsTable.data(localDate(r[0]).toString(), rate(num(r[2]), num(r[1])), rate(num(r[4]), num(r[3]))));
        }
        tables.add(new InsightsTable("coverage-over-time", InsightsTable.columns("coverage-over-time",
                "Day", "Adoption (%)", "Coverage (%)"), trend, InsightsTable.Chart.LINE, List.of(1, 2)));
        return Optional.of(NativeColumns.instant(n[1]));
    }

    private Map<String, long[]> figures(String dimension, LocalDate day) {
        Map<String, long[]> out = new TreeMap<>();
        for (Object row : em.createNativeQuery("select group_key, accounts, accounts_with_passkey, active_devices,"
                        + " covered_devices, accounts_fully_covered, accounts_two_covered, passkeys, synced_passkeys,"
                        + " accounts_at_risk from ins_coverage_snapshot where dimension = ? and taken_on = ?")
                .setParameter(1, dimension).setParameter(2, day).getResultList()) {
            Object[] r = (Object[]) row;
            long[] f = new long[9];
            for (int i = 0; i < 9; i++) {
                f[i] = num(r[i + 1]);
            }
            out.put((String) r[0], f);
        }
        return out;
    }

    // --- sign-ins -------------------------------------------------------------------------------

    private void signIns(DateRange range, Cohort cohort, List<Dashboard.Headline> headlines, List<InsightsTable> tables) {
        Map<String, long[]> byMethod = new java.util.LinkedHashMap<>();
        for (SignInMethod m : SignInMethod.values()) {
            byMethod.put(m.name(), new long[2]);
        }
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        List<List<Cell>> failures = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        List<?> rows = cohort.isAll()
                ? rows("select on_day, method, succeeded, reason, attempts from ins_sign_in_daily"
                        + " where on_day between ? and ? order by on_day", range, List.of())
                : rows("select on_day, method, succeeded, reason, sum(attempts) from " + CohortQueries.signInTable(cohort)
                        + " where on_day between ? and ?" + CohortQueries.cohortClause(cohort, parameters)
                        + " group by on_day, method, succeeded, reason order by on_day", range, parameters);
        Map<String, Long> failureCounts = new TreeMap<>();
        SignInMethod[] methods = SignInMethod.values();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String method = (String) r[1];
            boolean ok = Boolean.TRUE.equals(r[2]);
            long n = num(r[4]);
            long[] m = byMethod.computeIfAbsent(method, k -> new long[2]);
            m[ok ? 0 : 1] += n;
            if (ok) {
                long[] d = perDay.computeIfAbsent(localDate(r[0]), k -> new long[methods.length]);
                int i = ordinal(method);
                if (i >= 0) {
                    d[i] += n;
                }
            } else {
                failureCounts.merge(method + "\u0000" + r[3], n, Long::sum);
            }
        }
        long succeeded = byMethod.values().stream().mapToLong(m -> m[0]).sum();
        long withPasskey = byMethod.entrySet().stream().filter(e -> ordinal(e.getKey()) >= 0
                && SignInMethod.valueOf(e.getKey()).isPasskey()).mapToLong(e -> e.getValue()[0]).sum();
        headlines.add(headline("passkeySignIns", withPasskey, succeeded));

        List<List<Cell>> methodRows = new ArrayList<>();
        byMethod.forEach((method, m) -> methodRows.add(List.of(TableWords.method(method), Cell.of(String.valueOf(m[0])),
                Cell.of(String.valueOf(m[1])), Cell.of(rate(m[0], succeeded)))));
        tables.add(new InsightsTable("sign-ins-by-method", InsightsTable.columns("sign-ins-by-method",
                "Method", "Succeeded", "Failed", "Share of successful (%)"), methodRows,
                InsightsTable.Chart.BAR, List.of(1, 2)));

        List<Cell> dayColumns = new ArrayList<>(InsightsTable.columns("sign-ins-per-day", "Day"));
        List<Integer> series = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            dayColumns.add(TableWords.method(methods[i].name()));
            series.add(i + 1);
        }
        List<List<Cell>> dayRows = new ArrayList<>();
        perDay.forEach((day, counts) -> {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(day.toString())));
            for (long c : counts) {
                row.add(Cell.of(String.valueOf(c)));
            }
            dayRows.add(row);
        });
        tables.add(new InsightsTable("sign-ins-per-day", dayColumns, dayRows, InsightsTable.Chart.STACKED_BAR, series));

        failureCounts.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            failures.add(List.of(TableWords.method(parts[0]), TableWords.reason(parts[1]), Cell.of(String.valueOf(n))));
        });
        tables.add(InsightsTable.plain("failed-sign-ins", InsightsTable.columns("failed-sign-ins",
                "Method", "Reason", "Attempts"), failures));
    }

    private static int ordinal(String method) {
        try {
            return SignInMethod.valueOf(method).ordinal();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    // --- nudges ---------------------------------------------------------------------------------

    /** The nudge rollup's rows in the range and cohort: scenario, device group, variant, step, events. */
    private List<Object[]> nudgeRows(DateRange range, Cohort cohort) {
        List<Object> parameters = new ArrayList<>();
        List<Object[]> out = new ArrayList<>();
        for (Object row : rows("select scenario, device_group, variant, step, sum(events) from "
                + CohortQueries.nudgeTable(cohort) + " where on_day between ? and ?"
                + CohortQueries.cohortClause(cohort, parameters) + " group by scenario, device_group, variant, step",
                range, parameters)) {
            out.add((Object[]) row);
        }
        return out;
    }

    private void funnel(List<Object[]> nudgeRows, List<InsightsTable> tables) {
        Map<String, long[]> cells = new TreeMap<>();
        Map<String, long[]> byVariant = new TreeMap<>();
        for (Object[] r : nudgeRows) {
            int step = step((String) r[3]);
            if (step < 0) {
                continue;
            }
            cells.computeIfAbsent(r[0] + "\u0000" + r[1] + "\u0000" + r[2], k -> new long[5])[step] += num(r[4]);
            byVariant.computeIfAbsent(r[0] + "\u0000" + r[2], k -> new long[5])[step] += num(r[4]);
        }
        List<List<Cell>> rows = new ArrayList<>();
        cells.forEach((key, f) -> {
            String[] k = key.split("\u0000", 3);
            List<Cell> row = new ArrayList<>(List.of(TableWords.scenario(k[0]), TableWords.deviceGroup(k[1])));
            row.addAll(InsightsTable.data(k[2], String.valueOf(f[0]), String.valueOf(f[1]), String.valueOf(f[2]),
                    String.valueOf(f[3]), String.valueOf(f[4]), rate(f[2], f[0])));
            rows.add(row);
        });
        tables.add(InsightsTable.plain("nudge-funnel", InsightsTable.columns("nudge-funnel",
                "Scenario", "Device group", "Variant", "Shown", "Accepted", "Passkey created", "Dismissed",
                "Snoozed", "Created per shown (%)"), rows));

        Map<String, List<Map.Entry<String, long[]>>> perScenario = new TreeMap<>();
        byVariant.forEach((key, f) -> {
            String[] k = key.split("\u0000", 2);
            perScenario.computeIfAbsent(k[0], s -> new ArrayList<>()).add(Map.entry(k[1], f));
        });
        List<List<Cell>> ab = new ArrayList<>();
        perScenario.forEach((scenario, variants) -> {
            for (int i = 1; i < variants.size(); i++) {
                var a = variants.get(0);
                var b = variants.get(i);
                ab.add(ab(scenario, a.getKey(), a.getValue()[0], a.getValue()[2], b.getKey(), b.getValue()[0],
                        b.getValue()[2]));
            }
        });
        tables.add(InsightsTable.plain("nudge-ab", InsightsTable.columns("nudge-ab",
                "Scenario", "Variant A", "Shown A", "Created A", "Variant B", "Shown B", "Created B",
                "Difference (points)", "95 % confidence interval"), ab));
    }

    /**
     * One A/B row: the difference of two proportions and its 95 % Wald interval ({@code 1.7 to 28.3} in the CSV,
     * in words on a page); "n/a" when a variant was never shown.
     */
    static List<Cell> ab(String scenario, String a, long shownA, long createdA, String b, long shownB, long createdB) {
        Cell diff = TableWords.notAvailable();
        Cell ci = TableWords.notAvailable();
        if (shownA > 0 && shownB > 0) {
            double pa = Math.min(1, (double) createdA / shownA);
            double pb = Math.min(1, (double) createdB / shownB);
            double d = pb - pa;
            double se = Math.sqrt(pa * (1 - pa) / shownA + pb * (1 - pb) / shownB);
            diff = Cell.of(String.format(Locale.ROOT, "%.1f", d * 100));
            ci = TableWords.interval(String.format(Locale.ROOT, "%.1f", (d - 1.96 * se) * 100),
                    String.format(Locale.ROOT, "%.1f", (d + 1.96 * se) * 100));
        }
        List<Cell> row = new ArrayList<>(List.of(TableWords.scenario(scenario)));
        row.addAll(InsightsTable.data(a, String.valueOf(shownA), String.valueOf(createdA), b, String.valueOf(shownB),
                String.valueOf(createdB)));
        row.add(diff);
        row.add(ci);
        return row;
    }

    private static int step(String step) {
        return switch (step) {
            case "SHOWN" -> 0;
            case "ACCEPTED" -> 1;
            case "COMPLETED" -> 2;
            case "DISMISSED" -> 3;
            case "SNOOZED" -> 4;
            default -> -1;
        };
    }

    // --- rebuild --------------------------------------------------------------------------------

    @Override
    public RebuildReport rebuild(StepUpProof admin) {
        UUID adminId = staff.confirm(admin, Permission.INSIGHTS_REBUILD);
        rollups.clear();
        Map<List<Object>, Long> signInCounts = new HashMap<>();
        Map<List<Object>, Long> signInCohorts = new HashMap<>();
        Map<UUID, Cohorts.AccountPart> accountParts = new HashMap<>();
        Map<List<UUID>, Cohorts.Key> deviceKeys = new HashMap<>();
        long[] read = new long[4];
        Map<UUID, Map<UUID, java.time.Instant>> signedInHere = new HashMap<>();
        signIns.replay(e -> {
            read[0]++;
            if (e.succeeded() && e.method() == SignInMethod.PASSKEY_THIS_DEVICE && e.accountId().isPresent()
                    && e.deviceId().isPresent()) {
                signedInHere.computeIfAbsent(e.accountId().get(), a -> new HashMap<>())
                        .merge(e.deviceId().get(), e.at(), (x, y) -> x.isBefore(y) ? x : y);
            }
            String reason = e.succeeded() ? "" : e.reason().orElse("");
            signInCounts.merge(List.of(Rollups.day(e.at()), e.method().name(), e.succeeded(), reason), 1L, Long::sum);
            // Sign-ins of one cohort from several device groups add up in one row of the cohort tables.
            signInCohorts.merge(List.of(Rollups.day(e.at()),
                    key(e.accountId(), e.deviceId(), accountParts, deviceKeys).withoutDeviceGroup(),
                    e.method().name(), e.succeeded(), reason), 1L, Long::sum);
        });
        signInCounts.forEach((k, n) -> rollups.insertSignIns((LocalDate) k.get(0), (String) k.get(1), (Boolean) k.get(2),
                (String) k.get(3), n));
        signInCohorts.forEach((k, n) -> rollups.insertSignInCohort((LocalDate) k.get(0), (Cohorts.Key) k.get(1),
                (String) k.get(2), (Boolean) k.get(3), (String) k.get(4), n));
        Map<List<Object>, Long> nudgeCounts = new HashMap<>();
        Map<List<Object>, Long> nudgeCohorts = new HashMap<>();
        nudges.replay((NudgeEvent e) -> {
            read[1]++;
            Cohorts.Key key = key(Optional.of(e.accountId()), Optional.of(e.deviceId()), accountParts, deviceKeys);
            nudgeCounts.merge(List.of(Rollups.day(e.at()), e.scenario().name(), key.deviceGroup(), e.variant(),
                    e.type().name()), 1L, Long::sum);
            nudgeCohorts.merge(List.of(Rollups.day(e.at()), key, e.scenario().name(), e.variant(), e.type().name()),
                    1L, Long::sum);
        });
        nudgeCounts.forEach((k, n) -> rollups.insertNudges((LocalDate) k.get(0), (String) k.get(1), (String) k.get(2),
                (String) k.get(3), (String) k.get(4), n));
        nudgeCohorts.forEach((k, n) -> rollups.insertNudgeCohort((LocalDate) k.get(0), (Cohorts.Key) k.get(1),
                (String) k.get(2), (String) k.get(3), (String) k.get(4), n));
        Map<List<Object>, Long> handoffCounts = new HashMap<>();
        handoffs.replay(step -> {
            read[2]++;
            Cohorts.AccountPart part = step.accountId().map(a -> accountParts.computeIfAbsent(a, cohorts::account))
                    .orElse(Cohorts.AccountPart.UNKNOWN);
            handoffCounts.merge(List.of(Rollups.day(step.at()), part.emailDomain(), part.signUp(), step.type()), 1L, Long::sum);
        });
        handoffCounts.forEach((k, n) -> rollups.add("ins_handoff_daily", List.of("on_day", "email_domain", "sign_up", "step"),
                k, "events", n));
        Map<List<Object>, Long> handoffModes = new HashMap<>();
        handoffCounts.forEach((k, n) -> handoffModes.merge(List.of(k.get(0), k.get(2), k.get(3)), n, Long::sum));
        handoffModes.forEach((k, n) -> rollups.add("ins_handoff_mode_daily", List.of("on_day", "sign_up", "step"),
                k, "events", n));
        Map<List<Object>, Long> answers = new HashMap<>();
        feedback.replay(answer -> {
            read[3]++;
            answers.merge(List.of(Rollups.day(answer.at()), answer.slug(), answer.locale().toLanguageTag(), answer.helpful()),
                    1L, Long::sum);
        });
        answers.forEach((k, n) -> rollups.add("ins_article_feedback_daily", List.of("on_day", "slug", "language", "helpful"),
                k, "answers", n));
        secondDevices.rebuild(signedInHere);
        long accounts = snapshots.take();
        actions.record(adminId, "INSIGHTS_REBUILD", "", Words.of("op.audit.rebuild", String.valueOf(read[0]),
                String.valueOf(read[1]), String.valueOf(read[2]), String.valueOf(read[3]), String.valueOf(accounts)));
        return new RebuildReport(read[0], read[1], accounts);
    }

    /** The cohort of an event during a rebuild: each account and device is looked up once. */
    private Cohorts.Key key(Optional<UUID> account, Optional<UUID> device, Map<UUID, Cohorts.AccountPart> accountParts,
                            Map<List<UUID>, Cohorts.Key> deviceKeys) {
        if (account.isEmpty()) {
            return cohorts.of(account, device);
        }
        UUID a = account.get();
        List<UUID> k = device.isPresent() ? List.of(a, device.get()) : List.of(a);
        return deviceKeys.computeIfAbsent(k, x -> cohorts.of(accountParts.computeIfAbsent(a, cohorts::account), a, device));
    }

    // --- formatting -----------------------------------------------------------------------------

    /**
     * A share as a headline: {@code op.insights.h.<name>}, the percentage, {@code .detail} with part and whole;
     * no figure when there is nothing to divide by (the page says "not measured yet" in the reader's language).
     */
    private static Dashboard.Headline headline(String name, long part, long whole) {
        return new Dashboard.Headline(Words.of("op.insights.h." + name),
                whole == 0 ? Optional.empty() : Optional.of(percent(part, whole)),
                Words.of("op.insights.h." + name + ".detail", String.valueOf(part), String.valueOf(whole)));
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    static String rate(long part, long whole) {
        return whole == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static LocalDate localDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
