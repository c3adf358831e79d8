package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    // The journeys' rollups: handoff steps, article answers, and time to a second covered device.
    private static final String RAW_HANDOFFS = "select type || '=' || count(*) from ndg_handoff_event group by type order by 1";
    private static final String ROLLED_HANDOFFS = "select step || '=' || sum(events) from ins_handoff_daily"
            + " group by step order by 1";
    private static final String ROLLED_MODE_HANDOFFS = "select step || '=' || sum(events) from ins_handoff_mode_daily"
            + " group by step order by 1";
    private static final String RAW_ANSWERS = "select article_slug || ':' || locale || ':' || helpful || '=' || count(*)"
            + " from edu_event where type = 'FEEDBACK_GIVEN' group by article_slug, locale, helpful order by 1";
    private static final String ROLLED_ANSWERS = "select slug || ':' || language || ':' || helpful || '=' || sum(answers)"
            + " from ins_article_feedback_daily group by slug, language, helpful order by 1";
    private static final String ROLLED_SECOND_DEVICE = "select days || '=' || sum(accounts) from ins_second_device_daily"
            + " where email_domain = ? group by days order by 1";

    private static final String MEMBER_PROGRESS = "select count(*) from ins_account_progress p join idn_account a"
            + " on a.id = p.account_id where a.email = ? and p.second_covered_at is not null"
            + " and p.second_covered_at >= p.first_passkey_at";
    private static final String MEMBER_COVERED = "select count(*) from ins_covered_device c join idn_account a"
            + " on a.id = c.account_id where a.email = ?";
    private static final String MEMBER_COVERED_RAW = "select count(distinct c.device_id) from (select p.account_id,"
            + " p.created_device_id as device_id from cred_passkey p where p.created_device_id is not null"
            + " union all select s.account_id, s.device_id from idn_sign_in_event s where s.succeeded"
            + " and s.method = 'PASSKEY_THIS_DEVICE') c join idn_device d on d.id = c.device_id and not d.shared"
            + " join idn_account a on a.id = c.account_id where a.email = ?";

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
        // A link handoff from a new account to a phone, paired; and a link that matches nothing.
        String handoffEmail = Journeys.uniqueEmail("insights-handoff").replace("@", "@handoff.");
        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), handoffEmail);
        HandoffIT.Link link = HandoffIT.issue(laptop);
        Browser phone = new Browser();
        String code = HandoffIT.finish(phone, link, new Authenticator().create(
                phone.postJson("/api/handoff/options", HandoffIT.token(link)).body()));
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code).statusCode()).isEqualTo(302);
        assertThat(new Browser().get("/handoff/0123456789ABCDEFGHJK").statusCode()).isEqualTo(404);
        // Two answers under a help article, in English and in German.
        answer("en", "yes");
        answer("de", "no");
        assertThat(Database.count("select count(*) from ndg_handoff_event where type = 'PAIRED'")).isPositive();
        awaitEqual(RAW_HANDOFFS, ROLLED_HANDOFFS);
        awaitEqual(RAW_HANDOFFS, ROLLED_MODE_HANDOFFS);
        awaitEqual(RAW_ANSWERS, ROLLED_ANSWERS);
        // Time to a second covered device, per domain, against a direct count.
        awaitEqual(secondDeviceByDirectCount("staff.example"), ROLLED_SECOND_DEVICE, "staff.example");
        // The member's passkey signed in from three new browsers: those devices are covered too, and the
        // member got to a second covered device.
        awaitEqual(List.of("1"), MEMBER_PROGRESS, staff.memberEmail);
        assertThat(Database.count(MEMBER_COVERED, staff.memberEmail)).isGreaterThanOrEqualTo(4)
                .isEqualTo(Database.count(MEMBER_COVERED_RAW, staff.memberEmail));
        awaitEqual(secondDeviceByDirectCount("handoff.example.com"), ROLLED_SECOND_DEVICE, "handoff.example.com");
        assertThat(Database.strings(ROLLED_SECOND_DEVICE, "handoff.example.com")).as("the handoff account has a passkey")
                .isNotEmpty();
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
        assertThat(Database.strings(ROLLED_HANDOFFS)).isEqualTo(Database.strings(RAW_HANDOFFS));
        assertThat(Database.strings(ROLLED_MODE_HANDOFFS)).isEqualTo(Database.strings(RAW_HANDOFFS));
        assertThat(Database.strings(ROLLED_ANSWERS)).isEqualTo(Database.strings(RAW_ANSWERS));
        assertThat(Database.strings(ROLLED_SECOND_DEVICE, "staff.example"))
                .containsExactlyInAnyOrderElementsOf(secondDeviceByDirectCount("staff.example"));
        assertThat(Database.strings(ROLLED_SECOND_DEVICE, "handoff.example.com"))
                .containsExactlyInAnyOrderElementsOf(secondDeviceByDirectCount("handoff.example.com"));
        assertThat(Database.strings(MEMBER_PROGRESS, staff.memberEmail)).containsExactly("1");
        assertThat(Database.count(MEMBER_COVERED, staff.memberEmail)).isEqualTo(Database.count(MEMBER_COVERED_RAW,
                staff.memberEmail));
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
                "Copy variants compared", "/operator/insights/export?table=sign-ins-by-method", "Link handoff funnel",
                "Automatic passkey upgrade outcomes", "Help articles: was this helpful?", "Time to a second covered device",
                "/operator/insights/export?table=second-device")
                .doesNotContain("/operator/insights/rebuild");
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/insights")).contains("/operator/insights/rebuild");
        // The sections in German, from the operator part of the page texts, column headers and the cells that are
        // words of ours too (the CSV keeps English headers and codes).
        HttpResponse<String> german = staff.operator.get("/operator/insights", "Accept-Language", "de");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.body()).contains("Zeit bis zum zweiten abgedeckten Gerät", "Übergabe per Link: Verlauf",
                "Hilfeartikel: War das hilfreich?", "als CSV herunterladen", "Monat der Registrierung")
                .doesNotContain(">Sign-up month<");
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
                // Where a filter does not apply, the section says so.
                "the device filter does not apply", "the cohort filters do not apply",
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
        // English headers and stable codes, whatever the reader's language: a spreadsheet's formulas keep working.
        assertThat(csv.body()).startsWith("Method,Succeeded,Failed,Share of successful (%)\r\n")
                .contains("\r\nPASSKEY_THIS_DEVICE,");
        assertThat(staff.operator.get("/operator/insights/export?table=sign-ins-by-method", "Accept-Language", "de").body())
                .isEqualTo(csv.body());
        for (String table : new String[] {"sign-ins-per-day", "failed-sign-ins", "nudge-funnel", "nudge-ab",
            "handoff-refusals"}) {
            assertThat(staff.operator.get("/operator/insights/export?table=" + table).statusCode()).as(table).isEqualTo(200);
        }
        // The journeys' tables, cell for cell as the page shows them.
        answer("en", "yes");
        assertThat(staff.operator.get("/operator/insights/export?table=handoff-funnel").body())
                .startsWith("Step,Handoffs,Of links created (%)\r\n");
        assertThat(staff.operator.get("/operator/insights/export?table=upgrade-outcomes").body())
                .startsWith("Copy variant,Offered,Passkey created,Declined,Failed,No outcome reported,Created per offered (%)\r\n");
        long yes = Database.count("select count(*) from edu_event where type = 'FEEDBACK_GIVEN' and article_slug = 'what-is-a-passkey'"
                + " and locale = 'en' and helpful = true");
        long no = Database.count("select count(*) from edu_event where type = 'FEEDBACK_GIVEN' and article_slug = 'what-is-a-passkey'"
                + " and locale = 'en' and helpful = false");
        assertThat(staff.operator.get("/operator/insights/export?table=article-helpfulness").body())
                .startsWith("Article,Language,Yes,No,Helpful (%)\r\n")
                .contains("\r\nwhat-is-a-passkey,en," + yes + "," + no + ",");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String month = today.toString().substring(0, 7);
        String secondDevice = staff.operator.get("/operator/insights/export?table=second-device&from="
                + today.withDayOfMonth(1) + "&to=" + today).body();
        assertThat(secondDevice).startsWith("Sign-up month,Accounts with a passkey,Reached a second device,Median days,"
                + "90th percentile days,Within 7 days (%),Within 30 days (%)\r\n").contains("\r\n" + month + ",");
        // The month's row: the accounts of the month's histogram rows, those that got there, and the shares.
        long withPasskey = Database.count("select sum(accounts) from ins_second_device_daily where signed_up_on >= ?",
                today.withDayOfMonth(1));
        long reached = Database.count("select coalesce(sum(accounts), 0) from ins_second_device_daily where signed_up_on >= ?"
                + " and days >= 0", today.withDayOfMonth(1));
        assertThat(secondDevice.lines().filter(l -> l.startsWith(month + ",")).findFirst().orElseThrow())
                .startsWith(month + "," + withPasskey + "," + reached + ",");
        assertThat(staff.operator.get("/operator/insights/export?table=idn_account").statusCode()).isEqualTo(404);
    }

    private static void answer(String language, String helpful) {
        Browser reader = new Browser();
        reader.get("/learn/what-is-a-passkey", "Accept-Language", language);
        assertThat(reader.postForm("/learn/what-is-a-passkey/feedback", "helpful=" + helpful).statusCode()).isEqualTo(303);
    }

    /**
     * Time to a second covered device for one email domain, counted from the raw tables as the rule
     * says: from the account's first passkey to the moment its second personal device was covered (a
     * platform passkey created there, or a sign-in with its own passkey), in whole days; -1 when not yet.
     */
    static List<String> secondDeviceByDirectCount(String domain) {
        String accountsOfDomain = "(select id from idn_account where lower(coalesce(email, pending_email)) like ?)";
        String like = "%@" + domain;
        Map<String, Long> first = new HashMap<>();
        for (String r : Database.strings("select cast(account_id as varchar) || ' ' || cast(extract(epoch from min(created_at))"
                + " as bigint) from cred_passkey where account_id in " + accountsOfDomain + " group by account_id", like)) {
            first.put(r.split(" ")[0], Long.parseLong(r.split(" ")[1]));
        }
        Map<String, List<Long>> covered = new HashMap<>();
        for (String r : Database.strings("select cast(c.account_id as varchar) || ' ' || cast(extract(epoch from min(c.at))"
                + " as bigint) from (select p.account_id, p.created_device_id as device_id, p.created_at as at from cred_passkey p"
                + " where p.created_device_id is not null and coalesce(p.attachment, '') <> 'cross-platform'"
                + " union all select s.account_id, s.device_id, s.occurred_at from idn_sign_in_event s where s.succeeded"
                + " and s.method = 'PASSKEY_THIS_DEVICE') c join idn_device d on d.id = c.device_id and not d.shared"
                + " where c.account_id in " + accountsOfDomain + " group by c.account_id, c.device_id", like)) {
            covered.computeIfAbsent(r.split(" ")[0], k -> new ArrayList<>()).add(Long.parseLong(r.split(" ")[1]));
        }
        Map<Long, Long> histogram = new TreeMap<>();
        first.forEach((account, f) -> {
            List<Long> times = covered.getOrDefault(account, List.of()).stream().sorted().toList();
            long days = times.size() < 2 ? -1 : Math.max(0, Math.floorDiv(times.get(1) - f, 86_400L));
            histogram.merge(days, 1L, Long::sum);
        });
        return histogram.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    private static void awaitEqual(List<String> expected, String rolled, Object... parameters) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !new java.util.HashSet<>(Database.strings(rolled, parameters))
                .equals(new java.util.HashSet<>(expected))) {
            Thread.sleep(200);
        }
        assertThat(Database.strings(rolled, parameters)).as("rollups against a direct count")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void awaitEqual(String raw, String rolled) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !Database.strings(rolled).equals(Database.strings(raw))) {
            Thread.sleep(200);
        }
        assertThat(Database.strings(rolled)).as("rollups against " + raw).isEqualTo(Database.strings(raw));
    }
}
