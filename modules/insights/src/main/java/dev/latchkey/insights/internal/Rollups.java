package dev.latchkey.insights.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the daily rollups. Each count is insert-then-increment: the row is inserted with zero
 * when it is missing ({@code on conflict do nothing}), then incremented in place. Two instances
 * counting the same day at once both end up incrementing one row (PostgreSQL locks it for the
 * second until the first commits), so no count is lost and no duplicate key fails a request.
 */
@ApplicationScoped
class Rollups {

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** One more sign-in attempt, in the caller's transaction ({@link EventCounting}: after the deciding one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signIn(LocalDate day, String method, boolean succeeded, String reason, long attempts) {
        em.createNativeQuery("insert into ins_sign_in_daily (on_day, method, succeeded, reason, attempts)"
                        + " values (?, ?, ?, ?, 0) on conflict do nothing")
                .setParameter(1, day).setParameter(2, method).setParameter(3, succeeded).setParameter(4, reason)
                .executeUpdate();
        em.createNativeQuery("update ins_sign_in_daily set attempts = attempts + ?"
                        + " where on_day = ? and method = ? and succeeded = ? and reason = ?")
                .setParameter(1, attempts).setParameter(2, day).setParameter(3, method).setParameter(4, succeeded)
                .setParameter(5, reason).executeUpdate();
    }

    /** One more step of a nudge's funnel, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nudge(LocalDate day, String scenario, String deviceGroup, String variant, String step, long events) {
        em.createNativeQuery("insert into ins_nudge_daily (on_day, scenario, device_group, variant, step, events)"
                        + " values (?, ?, ?, ?, ?, 0) on conflict do nothing")
                .setParameter(1, day).setParameter(2, scenario).setParameter(3, deviceGroup).setParameter(4, variant)
                .setParameter(5, step).executeUpdate();
        em.createNativeQuery("update ins_nudge_daily set events = events + ?"
                        + " where on_day = ? and scenario = ? and device_group = ? and variant = ? and step = ?")
                .setParameter(1, events).setParameter(2, day).setParameter(3, scenario).setParameter(4, deviceGroup)
                .setParameter(5, variant).setParameter(6, step).executeUpdate();
    }

    /** Inserts a whole row, in the caller's transaction (a rebuild, after it emptied the table). */
    @Transactional(Transactional.TxType.MANDATORY)
    void insertSignIns(LocalDate day, String method, boolean succeeded, String reason, long attempts) {
        em.createNativeQuery("insert into ins_sign_in_daily (on_day, method, succeeded, reason, attempts) values (?, ?, ?, ?, ?)")
                .setParameter(1, day).setParameter(2, method).setParameter(3, succeeded).setParameter(4, reason)
                .setParameter(5, attempts).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insertNudges(LocalDate day, String scenario, String deviceGroup, String variant, String step, long events) {
        em.createNativeQuery("insert into ins_nudge_daily (on_day, scenario, device_group, variant, step, events)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, day).setParameter(2, scenario).setParameter(3, deviceGroup).setParameter(4, variant)
                .setParameter(5, step).setParameter(6, events).executeUpdate();
    }

    /**
     * One more sign-in attempt of a cohort, in the caller's transaction: into the cohort rollup
     * (with the domain) and the mode rollup (without it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signInCohort(LocalDate day, Cohorts.Key cohort, String method, boolean succeeded, String reason,
                             long attempts) {
        signInCohortRow(true, day, cohort, method, succeeded, reason, attempts);
        signInCohortRow(false, day, cohort, method, succeeded, reason, attempts);
    }

    private void signInCohortRow(boolean withDomain, LocalDate day, Cohorts.Key cohort, String method, boolean succeeded,
                                 String reason, long attempts) {
        String table = withDomain ? "ins_sign_in_cohort_daily" : "ins_sign_in_mode_daily";
        String domainColumn = withDomain ? "email_domain, " : "";
        String domainValue = withDomain ? "?, " : "";
        String domainWhere = withDomain ? " and email_domain = ?" : "";
        var insert = em.createNativeQuery("insert into " + table + " (on_day, " + domainColumn + "sign_up, shared_device,"
                + " method, succeeded, reason, attempts) values (?, " + domainValue + "?, ?, ?, ?, ?, 0) on conflict do nothing");
        int i = 1;
        insert.setParameter(i++, day);
        if (withDomain) {
            insert.setParameter(i++, cohort.emailDomain());
        }
        insert.setParameter(i++, cohort.signUp()).setParameter(i++, cohort.shared()).setParameter(i++, method)
                .setParameter(i++, succeeded).setParameter(i, reason).executeUpdate();
        var update = em.createNativeQuery("update " + table + " set attempts = attempts + ? where on_day = ?" + domainWhere
                + " and sign_up = ? and shared_device = ? and method = ? and succeeded = ? and reason = ?");
        i = 1;
        update.setParameter(i++, attempts).setParameter(i++, day);
        if (withDomain) {
            update.setParameter(i++, cohort.emailDomain());
        }
        update.setParameter(i++, cohort.signUp()).setParameter(i++, cohort.shared()).setParameter(i++, method)
                .setParameter(i++, succeeded).setParameter(i, reason).executeUpdate();
    }

    /** One more nudge step of a cohort, in the caller's transaction (cohort and mode rollups). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nudgeCohort(LocalDate day, Cohorts.Key cohort, String scenario, String variant, String step, long events) {
        nudgeCohortRow(true, day, cohort, scenario, variant, step, events);
        nudgeCohortRow(false, day, cohort, scenario, variant, step, events);
    }

    private void nudgeCohortRow(boolean withDomain, LocalDate day, Cohorts.Key cohort, String scenario, String variant,
                                String step, long events) {
        String table = withDomain ? "ins_nudge_cohort_daily" : "ins_nudge_mode_daily";
        String domainColumn = withDomain ? "email_domain, " : "";
        String domainValue = withDomain ? "?, " : "";
        String domainWhere = withDomain ? " and email_domain = ?" : "";
        var insert = em.createNativeQuery("insert into " + table + " (on_day, " + domainColumn + "sign_up, shared_device,"
                + " scenario, device_group, variant, step, events) values (?, " + domainValue + "?, ?, ?, ?, ?, ?, 0)"
                + " on conflict do nothing");
        int i = 1;
        insert.setParameter(i++, day);
        if (withDomain) {
            insert.setParameter(i++, cohort.emailDomain());
        }
        insert.setParameter(i++, cohort.signUp()).setParameter(i++, cohort.shared()).setParameter(i++, scenario)
                .setParameter(i++, cohort.deviceGroup()).setParameter(i++, variant).setParameter(i, step).executeUpdate();
        var update = em.createNativeQuery("update " + table + " set events = events + ? where on_day = ?" + domainWhere
                + " and sign_up = ? and shared_device = ? and scenario = ? and device_group = ? and variant = ? and step = ?");
        i = 1;
        update.setParameter(i++, events).setParameter(i++, day);
        if (withDomain) {
            update.setParameter(i++, cohort.emailDomain());
        }
        update.setParameter(i++, cohort.signUp()).setParameter(i++, cohort.shared()).setParameter(i++, scenario)
                .setParameter(i++, cohort.deviceGroup()).setParameter(i++, variant).setParameter(i, step).executeUpdate();
    }

    /** A rebuild's cohort counts: the cohort row, and added into the mode row (one per key without the domain). */
    @Transactional(Transactional.TxType.MANDATORY)
    void insertSignInCohort(LocalDate day, Cohorts.Key cohort, String method, boolean succeeded, String reason, long attempts) {
        em.createNativeQuery("insert into ins_sign_in_cohort_daily (on_day, email_domain, sign_up, shared_device, method,"
                        + " succeeded, reason, attempts) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, day).setParameter(2, cohort.emailDomain()).setParameter(3, cohort.signUp())
                .setParameter(4, cohort.shared()).setParameter(5, method).setParameter(6, succeeded).setParameter(7, reason)
                .setParameter(8, attempts).executeUpdate();
        signInCohortRow(false, day, cohort, method, succeeded, reason, attempts);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insertNudgeCohort(LocalDate day, Cohorts.Key cohort, String scenario, String variant, String step, long events) {
        em.createNativeQuery("insert into ins_nudge_cohort_daily (on_day, email_domain, sign_up, shared_device, scenario,"
                        + " device_group, variant, step, events) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, day).setParameter(2, cohort.emailDomain()).setParameter(3, cohort.signUp())
                .setParameter(4, cohort.shared()).setParameter(5, scenario).setParameter(6, cohort.deviceGroup())
                .setParameter(7, variant).setParameter(8, step).setParameter(9, events).executeUpdate();
        nudgeCohortRow(false, day, cohort, scenario, variant, step, events);
    }

    /** One more handoff step of a cohort, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handoff(LocalDate day, Cohorts.AccountPart cohort, String step, long events) {
        add("ins_handoff_daily", List.of("on_day", "email_domain", "sign_up", "step"),
                List.of(day, cohort.emailDomain(), cohort.signUp(), step), "events", events);
        add("ins_handoff_mode_daily", List.of("on_day", "sign_up", "step"), List.of(day, cohort.signUp(), step),
                "events", events);
    }

    /** One more "Was this helpful?" answer, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void articleFeedback(LocalDate day, String slug, String language, boolean helpful, long answers) {
        add("ins_article_feedback_daily", List.of("on_day", "slug", "language", "helpful"),
                List.of(day, slug, language, helpful), "answers", answers);
    }

    /**
     * Adds {@code delta} to the count of one row, inserting the row with zero first when it is
     * missing (in the caller's transaction); a row whose count reaches zero is deleted, so that
     * counts kept as events happen and those of a rebuild have the same rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(String table, List<String> keyColumns, List<Object> key, String countColumn, long delta) {
        String columns = String.join(", ", keyColumns);
        String marks = String.join(", ", java.util.Collections.nCopies(keyColumns.size(), "?"));
        String where = keyColumns.stream().map(c -> c + " = ?").collect(java.util.stream.Collectors.joining(" and "));
        var insert = em.createNativeQuery("insert into " + table + " (" + columns + ", " + countColumn + ") values ("
                + marks + ", 0) on conflict do nothing");
        for (int i = 0; i < key.size(); i++) {
            insert.setParameter(i + 1, key.get(i));
        }
        insert.executeUpdate();
        var update = em.createNativeQuery("update " + table + " set " + countColumn + " = " + countColumn + " + ? where " + where);
        update.setParameter(1, delta);
        for (int i = 0; i < key.size(); i++) {
            update.setParameter(i + 2, key.get(i));
        }
        update.executeUpdate();
        if (delta < 0) {
            var delete = em.createNativeQuery("delete from " + table + " where " + where + " and " + countColumn + " = 0");
            for (int i = 0; i < key.size(); i++) {
                delete.setParameter(i + 1, key.get(i));
            }
            delete.executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void clear() {
        em.createNativeQuery("delete from ins_handoff_daily").executeUpdate();
        em.createNativeQuery("delete from ins_handoff_mode_daily").executeUpdate();
        em.createNativeQuery("delete from ins_article_feedback_daily").executeUpdate();
        em.createNativeQuery("delete from ins_covered_device").executeUpdate();
        em.createNativeQuery("delete from ins_account_progress").executeUpdate();
        em.createNativeQuery("delete from ins_second_device_daily").executeUpdate();
        em.createNativeQuery("delete from ins_sign_in_daily").executeUpdate();
        em.createNativeQuery("delete from ins_nudge_daily").executeUpdate();
        em.createNativeQuery("delete from ins_sign_in_cohort_daily").executeUpdate();
        em.createNativeQuery("delete from ins_nudge_cohort_daily").executeUpdate();
        em.createNativeQuery("delete from ins_sign_in_mode_daily").executeUpdate();
        em.createNativeQuery("delete from ins_nudge_mode_daily").executeUpdate();
    }
}
