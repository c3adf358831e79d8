package dev.latchkey.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.insights.api.Cohort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CohortQueriesTest {

    private static final Cohort EVERY_FILTER = new Cohort(Optional.of("northbank.example"),
            Optional.of(Cohort.SignUp.INVITATION), Optional.of(true));

    @Test
    void everyFilterBecomesAConditionWithItsParameterInTheSameOrder() {
        List<Object> parameters = new ArrayList<>();
        assertThat(CohortQueries.cohortClause(EVERY_FILTER, parameters))
                .isEqualTo(" and email_domain = ? and sign_up = ? and shared_device = ?");
        assertThat(parameters).containsExactly("northbank.example", "INVITATION", true);
    }

    @Test
    void tablesWithoutADeviceGetTheAccountPartOnly() {
        List<Object> parameters = new ArrayList<>();
        assertThat(CohortQueries.accountClause(EVERY_FILTER, parameters)).isEqualTo(" and email_domain = ? and sign_up = ?");
        assertThat(parameters).containsExactly("northbank.example", "INVITATION");
    }

    @Test
    void aCohortReadsTheSmallestRollupThatCarriesItsFilters() {
        Cohort shared = new Cohort(Optional.empty(), Optional.empty(), Optional.of(true));
        assertThat(CohortQueries.signInTable(Cohort.ALL)).isEqualTo("ins_sign_in_daily");
        assertThat(CohortQueries.signInTable(shared)).isEqualTo("ins_sign_in_mode_daily");
        assertThat(CohortQueries.signInTable(EVERY_FILTER)).isEqualTo("ins_sign_in_cohort_daily");
        assertThat(CohortQueries.nudgeTable(Cohort.ALL)).isEqualTo("ins_nudge_daily");
        assertThat(CohortQueries.nudgeTable(shared)).isEqualTo("ins_nudge_mode_daily");
        assertThat(CohortQueries.nudgeTable(EVERY_FILTER)).isEqualTo("ins_nudge_cohort_daily");
        assertThat(CohortQueries.handoffTable(Cohort.ALL)).isEqualTo("ins_handoff_mode_daily");
        assertThat(CohortQueries.handoffTable(shared)).isEqualTo("ins_handoff_mode_daily");
        assertThat(CohortQueries.handoffTable(EVERY_FILTER)).isEqualTo("ins_handoff_daily");
        List<Object> none = new ArrayList<>();
        assertThat(CohortQueries.cohortClause(Cohort.ALL, none)).isEmpty();
        assertThat(none).isEmpty();
    }
}
