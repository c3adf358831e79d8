package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The insights dashboard: its rollups agree with a direct count over the raw event tables (kept
 * as events happen, and after a rebuild), only operators and admins see it, only admins rebuild,
 * and every table downloads as CSV.
 */
class InsightsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final String RAW_SIGN_INS = "select method || ':' || succeeded || ':' || coalesce(reason, '') || '=' || count(*)"
            + " from idn_sign_in_event group by method, succeeded, reason order by 1";
    private static final String ROLLED_SIGN_INS = "select method || ':' || succeeded || ':' || reason || '=' || sum(attempts)"
            + " from ins_sign_in_daily group by method, succeeded, reason order by 1";
    private static final String RAW_NUDGES = "select scenario || ':' || variant || ':' || type || '=' || count(*)"
            + " from ndg_event group by scenario, variant, type order by 1";
    private static final String ROLLED_NUDGES = "select scenario || ':' || variant || ':' || step || '=' || sum(events)"
            + " from ins_nudge_daily group by scenario, variant, step order by 1";

    // The cohort rollups carry the same counts, split by the account's email domain ('' without an account).
    private static final String ROLLED_COHORT_SIGN_INS = "select method || ':' || succeeded || ':' || reason || '=' || sum(attempts)"
            + " from ins_sign_in_cohort_daily group by method, succeeded, reason order by 1";
    private static final String RAW_BY_DOMAIN = "select d || ':' || succeeded || '=' || count(*) from (select s.succeeded,"
            + " case when a.id is null then '' else lower(substring(coalesce(a.email, a.pending_email),"
            + " position('@' in coalesce(a.email, a.pending_email)) + 1)) end as d from idn_sign_in_event s"
            + " left join idn_account a on a.id = s.account_id) x group by d, succeeded order by 1";
    private static final String ROLLED_BY_DOMAIN = "select email_domain || ':' || succeeded || '=' || sum(attempts)"
            + " from ins_sign_in_cohort_daily group by email_domain, succeeded order by 1";
    private static final String ROLLED_COHORT_NUDGES = "select scenario || ':' || variant || ':' || step || '=' || sum(events)"
            + " from ins_nudge_cohort_daily group by scenario, variant, step order by 1";

    private static final String ROLLED_MODE_SIGN_INS = "select method || ':' || succeeded || ':' || reason || '=' || sum(attempts)"
            + " from ins_sign_in_mode_daily group by method, succeeded, reason order by 1";

    static StaffAccounts staff;

    @BeforeAll
    static void staffSignUp() throws Exception {
        staff = StaffAccounts.signedUp(SMTP);
    }

    @Test
    void theRollupsEqualADirectCountOverTheRawEventsAsTheyHappenAndAfterARebuild() throws Exception {
        // Some sign-ins: passkey sign-ins of the member, and failed password attempts (unknown address).
        for (int i = 0; i < 3; i++) {
            Browser b = new Browser();
            assertThat(Journeys.signIn(b, staff.membersPasskey.get(Journeys.signInOptions(b, "modal"))).statusCode())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            new Browser().postForm("/signin/password", "email=nobody-" + i + "%40example.com&password=wrong-password-123");
        }
        assertThat(Database.count("select count(*) from idn_sign_in_event where succeeded = false")).isPositive();
        awaitEqual(RAW_SIGN_INS, ROLLED_SIGN_INS);
        awaitEqual(RAW_NUDGES, ROLLED_NUDGES);
        awaitEqual(RAW_SIGN_INS, ROLLED_COHORT_SIGN_INS);
        awaitEqual(RAW_SIGN_INS, ROLLED_MODE_SIGN_INS);
        awaitEqual(RAW_BY_DOMAIN, ROLLED_BY_DOMAIN);
        awaitEqual(RAW_NUDGES, ROLLED_COHORT_NUDGES);

        // A rebuild: only admins, and afterwards the same figures, recomputed from the raw logs.
        assertThat(staff.operator.postForm("/operator/insights/rebuild", "").statusCode()).isEqualTo(403);
        assertThat(staff.agent.postForm("/operator/insights/rebuild", "").statusCode()).isEqualTo(403);
        Database.execute("update ins_sign_in_daily set attempts = attempts + 1000");
        HttpResponse<String> rebuilt = staff.admin.postForm("/operator/insights/rebuild", "");
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(302);
        assertThat(rebuilt.headers().firstValue("Location").orElseThrow()).contains("/operator/insights?rebuilt");
        assertThat(Database.strings(ROLLED_SIGN_INS)).isEqualTo(Database.strings(RAW_SIGN_INS));
        assertThat(Database.strings(ROLLED_NUDGES)).isEqualTo(Database.strings(RAW_NUDGES));
        assertThat(Database.strings(ROLLED_COHORT_SIGN_INS)).isEqualTo(Database.strings(RAW_SIGN_INS));
        assertThat(Database.strings(ROLLED_MODE_SIGN_INS)).isEqualTo(Database.strings(RAW_SIGN_INS));
        assertThat(Database.strings(ROLLED_BY_DOMAIN)).isEqualTo(Database.strings(RAW_BY_DOMAIN));
        assertThat(Database.strings(ROLLED_COHORT_NUDGES)).isEqualTo(Database.strings(RAW_NUDGES));
        assertThat(Database.count("select count(*) from ins_staff_action where action = 'INSIGHTS_REBUILD'"
                + " and actor_email = ?", StaffAccounts.ADMIN)).isEqualTo(1);
        // The rebuild took today's coverage snapshot: every account, and the member's passkey among them.
        assertThat(Database.count("select accounts from ins_coverage_snapshot where dimension = 'ALL' and taken_on = ?",
                LocalDate.now(ZoneOffset.UTC))).isEqualTo(Database.count("select count(*) from idn_account"));
    }

    @Test
    void operatorsAndAdminsSeeTheDashboardOnlyAdminsAreOfferedTheRebuild() {
        String operators = StaffConsoleIT.ok(staff.operator, "/operator/insights");
        assertThat(operators).contains("Sign-ins by method", "Multi-device coverage", "Nudge funnel",
                "Copy variants compared", "/operator/insights/export?table=sign-ins-by-method")
                .doesNotContain("/operator/insights/rebuild");
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/insights")).contains("/operator/insights/rebuild");
        // The charts' library is served by the application itself.
        HttpResponse<String> chartJs = staff.operator.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart");
    }

    @Test
    void cohortFiltersCountOnlyTheirCohortAndBadFiltersAreRefusedWithAMessage() {
        // The failed password attempts named no account: an unknown domain counts none of them.
        String nobody = StaffConsoleIT.ok(staff.operator, "/operator/insights?domain=nobody.invalid&signup=self&device=personal");
        assertThat(nobody).contains("accounts at nobody.invalid, signed up themselves, on personal devices",
                "/operator/insights/export?table=sign-ins-by-method", "&amp;domain=nobody.invalid&amp;signup=self&amp;device=personal");
        HttpResponse<String> csv = staff.operator.get("/operator/insights/export?table=sign-ins-by-method&domain=nobody.invalid");
        assertThat(csv.statusCode()).isEqualTo(200);
        // Every method row of an empty cohort: 0 succeeded, 0 failed.
        assertThat(csv.body().lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",0,0,"));
        long staffSignIns = Database.count("select count(*) from idn_sign_in_event s join idn_account a on a.id = s.account_id"
                + " where s.succeeded = true and coalesce(a.email, a.pending_email) like '%@staff.example'");
        long rolled = Database.count("select coalesce(sum(attempts), 0) from ins_sign_in_cohort_daily"
                + " where email_domain = 'staff.example' and succeeded = true");
        assertThat(rolled).isEqualTo(staffSignIns);

        HttpResponse<String> badDomain = staff.operator.get("/operator/insights?domain=%3Cscript%3E");
        assertThat(badDomain.statusCode()).isEqualTo(400);
        assertThat(badDomain.body()).contains("Enter an email domain like example.com").doesNotContain("<script>");
        HttpResponse<String> badMode = staff.operator.get("/operator/insights?signup=everyone");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("Choose a sign-up mode from the list.");
        assertThat(staff.operator.get("/operator/insights/export?table=sign-ins-by-method&device=tablet").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aRangeOfMoreThan366DaysOrNotADateIsRefusedWithAMessage() {
        HttpResponse<String> tooLong = staff.operator.get("/operator/insights?from=2024-01-01&to=2026-01-01");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 366 days");
        HttpResponse<String> notADate = staff.operator.get("/operator/insights?from=%3Cscript%3E");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Enter dates like").doesNotContain("<script>");
        assertThat(staff.operator.get("/operator/insights/export?table=sign-ins-by-method&to=nope").statusCode())
                .isEqualTo(400);
    }

    @Test
    void everyTableDownloadsAsCsvWithItsHeaderAndUnknownTablesAre404() {
        HttpResponse<String> csv = staff.operator.get("/operator/insights/export?table=sign-ins-by-method");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"sign-ins-by-method_");
        assertThat(csv.body()).startsWith("Method,Succeeded,Failed,Share of successful (%)\r\n")
                .contains("\r\npasskey on this device,");
        for (String table : new String[] {"sign-ins-per-day", "failed-sign-ins", "nudge-funnel", "nudge-ab"}) {
            assertThat(staff.operator.get("/operator/insights/export?table=" + table).statusCode()).as(table).isEqualTo(200);
        }
        assertThat(staff.operator.get("/operator/insights/export?table=idn_account").statusCode()).isEqualTo(404);
    }

    private static void awaitEqual(String raw, String rolled) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !Database.strings(rolled).equals(Database.strings(raw))) {
            Thread.sleep(200);
        }
        assertThat(Database.strings(rolled)).as("rollups against " + raw).isEqualTo(Database.strings(raw));
    }
}
