package dev.latchkey.insights.internal;

import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.DateRange;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The dashboard's reads of the rollups, in one place: which table a cohort reads (the unfiltered
 * daily table, the one without the domain, or the one with it) and the WHERE clause of a cohort after
 * the date range's two parameters.
 */
final class CohortQueries {

    private CohortQueries() {
    }

    /** The sign-in rollup a cohort reads: the fewest rows that still carry its filters. */
    static String signInTable(Cohort cohort) {
        return cohort.isAll() ? "ins_sign_in_daily"
                : cohort.emailDomain().isPresent() ? "ins_sign_in_cohort_daily" : "ins_sign_in_mode_daily";
    }

    /** The nudge rollup a cohort reads, as {@link #signInTable}. */
    static String nudgeTable(Cohort cohort) {
        return cohort.isAll() ? "ins_nudge_daily"
                : cohort.emailDomain().isPresent() ? "ins_nudge_cohort_daily" : "ins_nudge_mode_daily";
    }

    /**
     * The handoff rollup a cohort reads: the one with the domain only when a domain is chosen (handoffs have
     * no device, so the shared-device filter does not apply to them).
     */
    static String handoffTable(Cohort cohort) {
        return cohort.emailDomain().isPresent() ? "ins_handoff_daily" : "ins_handoff_mode_daily";
    }

    /** Every filter of the cohort (domain, sign-up mode, shared device); its parameters go to {@code parameters}. */
    static String cohortClause(Cohort cohort, List<Object> parameters) {
        return accountClause(cohort, parameters) + cohort.sharedDevice().map(b -> {
            parameters.add(b);
            return " and shared_device = ?";
        }).orElse("");
    }

    /** The email-domain and sign-up part of a cohort, for tables without a device dimension. */
    static String accountClause(Cohort cohort, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        cohort.emailDomain().ifPresent(d -> {
            where.append(" and email_domain = ?");
            parameters.add(d);
        });
        cohort.signUp().ifPresent(m -> {
            where.append(" and sign_up = ?");
            parameters.add(m.name());
        });
        return where.toString();
    }

    /** The rows of a query whose first two parameters are the range's first and last day, then {@code more}. */
    static List<?> rows(EntityManager em, String sql, DateRange range, List<Object> more) {
        var query = em.createNativeQuery(sql).setParameter(1, range.from()).setParameter(2, range.to());
        for (int i = 0; i < more.size(); i++) {
            query.setParameter(i + 3, more.get(i));
        }
        return query.getResultList();
    }
}
