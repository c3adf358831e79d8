package dev.latchkey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo population on H2: its rollups equal a direct count over the raw tables it wrote (joined
 * to accounts, invitations and devices for the cohort columns, as the rollup observers look them
 * up), its passkeys name providers from the shipped AAGUID list, and a seed gives the same population.
 */
class DemoPopulationTest {

    @TempDir
    static Path dir;

    static String url;

    @BeforeAll
    static void generate() throws Exception {
        // H2 reads and writes timestamps in the JVM's zone; the rollups' days are UTC days.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        url = h2(dir.resolve("one"));
        DemoPopulation.Summary s = DemoPopulation.generate(options(url));
        assertThat(s.signIns()).isEqualTo(6000);
        assertThat(s.nudgeSteps()).isPositive();
    }

    static String h2(Path p) {
        return "jdbc:h2:file:" + p.resolve("latchkey") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    static DemoPopulation.Options options(String url) {
        return new DemoPopulation.Options(url, "", "", 300, 6000, 60, 7, "demo-operator@latchkey.demo",
                LocalDate.of(2026, 12, 6));
    }

    private static final String DOMAIN = "case when a.id is null then '' else lower(substring(coalesce(a.email, a.pending_email),"
            + " position('@' in coalesce(a.email, a.pending_email)) + 1)) end";
    private static final String SIGN_UP = "case when a.id is null then '' when exists (select 1 from idn_invitation i"
            + " where i.used_by = a.id) then 'INVITATION' else 'SELF' end";

    @Test
    void signInRollupsEqualADirectCountOverTheSignInLog() throws SQLException {
        assertThat(rows("select cast(on_day as varchar) || ' ' || method || ' ' || succeeded || ' ' || reason || ' ' || attempts"
                + " from ins_sign_in_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select d || ' ' || method || ' ' || succeeded || ' ' || r || ' ' || count(*) from"
                        + " (select cast(cast(occurred_at as date) as varchar) as d, method, succeeded, coalesce(reason, '') as r"
                        + " from idn_sign_in_event) x group by d, method, succeeded, r"));
    }

    @Test
    void cohortRollupsEqualADirectCountJoinedToAccountsInvitationsAndDevices() throws SQLException {
        List<String> raw = rows("select d || ' ' || dm || ' ' || su || ' ' || sh || ' ' || method || ' ' || succeeded || ' '"
                + " || r || ' ' || count(*) from (select cast(cast(s.occurred_at as date) as varchar) as d, " + DOMAIN + " as dm, "
                + SIGN_UP + " as su, coalesce(dv.shared, false) as sh, s.method, s.succeeded, coalesce(s.reason, '') as r"
                + " from idn_sign_in_event s left join idn_account a on a.id = s.account_id"
                + " left join idn_device dv on dv.id = s.device_id) x group by d, dm, su, sh, method, succeeded, r");
        assertThat(rows("select cast(on_day as varchar) || ' ' || email_domain || ' ' || sign_up || ' ' || shared_device"
                + " || ' ' || method || ' ' || succeeded || ' ' || reason || ' ' || attempts from ins_sign_in_cohort_daily"))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(raw);
        // The mode rollups are the cohort rollups without the domain.
        assertThat(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || shared_device || ' ' || method || ' '"
                + " || succeeded || ' ' || reason || ' ' || attempts from ins_sign_in_mode_daily"))
                .containsExactlyInAnyOrderElementsOf(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || shared_device"
                        + " || ' ' || method || ' ' || succeeded || ' ' || reason || ' ' || sum(attempts) from ins_sign_in_cohort_daily"
                        + " group by on_day, sign_up, shared_device, method, succeeded, reason"));
        assertThat(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || scenario || ' ' || device_group || ' '"
                + " || variant || ' ' || step || ' ' || events from ins_nudge_mode_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || scenario"
                        + " || ' ' || device_group || ' ' || variant || ' ' || step || ' ' || sum(events) from ins_nudge_cohort_daily"
                        + " group by on_day, sign_up, shared_device, scenario, device_group, variant, step"));
        // The population has what the filters are for: shared branch computers, invited accounts, many domains.
        assertThat(count("select count(*) from ins_sign_in_cohort_daily where shared_device")).isPositive();
        assertThat(count("select count(*) from ins_sign_in_cohort_daily where sign_up = 'INVITATION'")).isPositive();
        assertThat(count("select count(distinct email_domain) from ins_sign_in_cohort_daily")).isGreaterThan(10);
        assertThat(count("select count(*) from (select device_key_hash from idn_device where shared"
                + " group by device_key_hash having count(*) > 1) x")).as("branch computers shared by accounts").isPositive();
    }

    @Test
    void nudgeRollupsEqualADirectCountOverTheFunnelByDevicePlatformAndCohort() throws SQLException {
        assertThat(rows("select cast(on_day as varchar) || ' ' || scenario || ' ' || device_group || ' ' || variant || ' '"
                + " || step || ' ' || events from ins_nudge_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select d || ' ' || scenario || ' ' || platform || ' ' || variant || ' ' || type"
                        + " || ' ' || count(*) from (select cast(cast(e.occurred_at as date) as varchar) as d, e.scenario,"
                        + " dv.platform, e.variant, e.type from ndg_event e join idn_device dv on dv.id = e.device_id) x"
                        + " group by d, scenario, platform, variant, type"));
        assertThat(rows("select email_domain || ' ' || sign_up || ' ' || step || ' ' || sum(events) from ins_nudge_cohort_daily"
                + " group by email_domain, sign_up, step"))
                .containsExactlyInAnyOrderElementsOf(rows("select dm || ' ' || su || ' ' || type || ' ' || count(*) from"
                        + " (select " + DOMAIN + " as dm, " + SIGN_UP + " as su, e.type from ndg_event e"
                        + " join idn_account a on a.id = e.account_id) x group by dm, su, type"));
        // Completed steps name the passkey the prompt created, on the device it was shown on.
        assertThat(count("select count(*) from ndg_event e where e.type = 'COMPLETED' and not exists (select 1 from cred_passkey p"
                + " where p.id = e.passkey_id and p.created_device_id = e.device_id)")).isZero();
        assertThat(rows("select distinct variant from ndg_event order by variant")).containsExactly("A", "B");
    }

    @Test
    void handoffRollupsEqualADirectCountOverTheHandoffLogByIssuingAccount() throws SQLException {
        assertThat(rows("select cast(on_day as varchar) || ' ' || email_domain || ' ' || sign_up || ' ' || step || ' ' || events"
                + " from ins_handoff_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select d || ' ' || dm || ' ' || su || ' ' || type || ' ' || count(*) from"
                        + " (select cast(cast(h.occurred_at as date) as varchar) as d, " + DOMAIN + " as dm, " + SIGN_UP
                        + " as su, h.type from ndg_handoff_event h left join idn_account a on a.id = h.account_id) x"
                        + " group by d, dm, su, type"));
        assertThat(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || step || ' ' || events"
                + " from ins_handoff_mode_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select cast(on_day as varchar) || ' ' || sign_up || ' ' || step"
                        + " || ' ' || sum(events) from ins_handoff_daily group by on_day, sign_up, step"));
        assertThat(rows("select distinct step from ins_handoff_daily order by step"))
                .contains("ISSUED", "CLAIMED", "PASSKEY_PENDING", "PAIRED", "EXPIRED", "REFUSED_UNKNOWN");
    }

    @Test
    void articleRollupsEqualADirectCountOverTheEducationLogAndTheTalliesAgree() throws SQLException {
        assertThat(rows("select cast(on_day as varchar) || ' ' || slug || ' ' || language || ' ' || helpful || ' ' || answers"
                + " from ins_article_feedback_daily"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows("select d || ' ' || article_slug || ' ' || locale || ' ' || helpful"
                        + " || ' ' || count(*) from (select cast(cast(occurred_at as date) as varchar) as d, article_slug, locale,"
                        + " helpful from edu_event where type = 'FEEDBACK_GIVEN') x group by d, article_slug, locale, helpful"));
        // The article pages' own tallies (edu_feedback) hold the same answers.
        assertThat(count("select count(*) from edu_feedback")).isEqualTo(count("select count(*) from edu_event"));
        assertThat(rows("select distinct language from ins_article_feedback_daily order by language")).containsExactly("de", "en");
    }

    @Test
    void automaticUpgradesAreOfferedAndEndSavedDeclinedFailedOrWithoutAnOutcome() throws SQLException {
        assertThat(rows("select distinct step from ins_nudge_daily where scenario = 'AUTOMATIC_UPGRADE' order by step"))
                .containsExactly("COMPLETED", "DECLINED", "FAILED", "OFFERED");
        // One outcome at most per offer, and only after an offer.
        assertThat(count("select count(*) from (select decision_id from ndg_event where scenario = 'AUTOMATIC_UPGRADE'"
                + " and type <> 'OFFERED' group by decision_id having count(*) > 1) x")).isZero();
        assertThat(count("select count(*) from ndg_event e where e.scenario = 'AUTOMATIC_UPGRADE' and e.type <> 'OFFERED'"
                + " and not exists (select 1 from ndg_event o where o.decision_id = e.decision_id and o.type = 'OFFERED')"))
                .isZero();
    }

    /**
     * Time to a second covered device, recomputed here from the raw tables as the rule says: from the
     * account's first passkey (any) to the moment its second personal device was covered (the first
     * platform passkey created on it, or its first sign-in with its own passkey), in whole days.
     */
    @Test
    void secondDeviceRollupsEqualWhatTheRawPasskeysAndSignInsGive() throws SQLException {
        java.util.Map<String, Long> first = new java.util.HashMap<>();
        for (String r : rows("select cast(account_id as varchar) || ' ' || cast(min(created_at) as varchar) from cred_passkey"
                + " group by account_id")) {
            String[] p = r.split(" ", 2);
            first.put(p[0], seconds(p[1]));
        }
        java.util.Map<String, java.util.Map<String, Long>> covered = new java.util.HashMap<>();
        for (String r : rows("select cast(c.account_id as varchar) || ' ' || cast(c.device_id as varchar) || ' '"
                + " || cast(min(c.at) as varchar) from (select p.account_id, p.created_device_id as device_id, p.created_at as at"
                + " from cred_passkey p where p.created_device_id is not null and coalesce(p.attachment, '') <> 'cross-platform'"
                + " union all select s.account_id, s.device_id, s.occurred_at from idn_sign_in_event s where s.succeeded"
                + " and s.method = 'PASSKEY_THIS_DEVICE') c join idn_device d on d.id = c.device_id and not d.shared"
                + " group by c.account_id, c.device_id")) {
            String[] p = r.split(" ", 3);
            covered.computeIfAbsent(p[0], k -> new java.util.HashMap<>()).put(p[1], seconds(p[2]));
        }
        java.util.Map<String, String> cohort = new java.util.HashMap<>();
        for (String r : rows("select cast(a.id as varchar) || ' ' || cast(cast(a.created_at as date) as varchar) || ' ' || "
                + DOMAIN + " || ' ' || " + SIGN_UP + " from idn_account a")) {
            String[] p = r.split(" ", 2);
            cohort.put(p[0], p[1]);
        }
        java.util.Map<String, Long> expected = new java.util.HashMap<>();
        first.forEach((account, f) -> {
            List<Long> times = covered.getOrDefault(account, java.util.Map.of()).values().stream().sorted().toList();
            long days = times.size() < 2 ? -1 : Math.max(0, Math.floorDiv(times.get(1) - f, 86_400L));
            expected.merge(cohort.get(account) + " " + days, 1L, Long::sum);
        });
        List<String> want = expected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
        assertThat(rows("select cast(signed_up_on as varchar) || ' ' || email_domain || ' ' || sign_up || ' ' || days"
                + " || ' ' || accounts from ins_second_device_daily"))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(want);
        assertThat(count("select count(*) from ins_second_device_daily where days >= 0")).isPositive();
        assertThat(count("select count(*) from ins_second_device_daily where days > 7")).isPositive();
    }

    private static long seconds(String timestamp) {
        return java.sql.Timestamp.valueOf(timestamp.length() > 19 && timestamp.charAt(19) == '+'
                ? timestamp.substring(0, 19) : timestamp.replaceAll("[+-][0-9]{2}(:[0-9]{2})?$", "")).getTime() / 1000;
    }

    @Test
    void passkeysComeFromTheShippedProviderListOrAreSecurityKeysAndBothSyncedAndDeviceBoundOccur() throws Exception {
        String shipped;
        try (InputStream in = DemoPopulation.class.getResourceAsStream("/META-INF/latchkey/aaguid/aaguid.json")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> aaguids = rows("select distinct cast(aaguid as varchar) from cred_passkey");
        assertThat(aaguids).hasSizeGreaterThan(4);
        for (String a : aaguids) {
            assertThat(shipped.contains("\"" + a + "\"") || a.equals("00000000-0000-0000-0000-000000000000")).as(a).isTrue();
        }
        assertThat(count("select count(*) from cred_passkey where backup_state")).isPositive();
        assertThat(count("select count(*) from cred_passkey where not backup_eligible")).isPositive();
        assertThat(count("select count(*) from cred_passkey p where not exists (select 1 from idn_device d"
                + " where d.id = p.created_device_id and d.account_id = p.account_id)")).isZero();
        assertThat(count("select count(*) from idn_sign_in_event s where s.method = 'PASSWORD' and s.succeeded"
                + " and not exists (select 1 from idn_password p where p.account_id = s.account_id)")).isZero();
    }

    @Test
    void theSameSeedGivesTheSamePopulation() throws Exception {
        String other = h2(Files.createDirectories(dir.resolve("two")));
        DemoPopulation.generate(options(other));
        String q = "select cast(id as varchar) || ' ' || coalesce(email, pending_email) || ' ' || cast(created_at as varchar)"
                + " from idn_account order by id";
        String events = "select cast(account_id as varchar) || ' ' || method || ' ' || cast(occurred_at as varchar)"
                + " from idn_sign_in_event order by id";
        assertThat(rowsOn(other, q)).isEqualTo(rows(q));
        assertThat(rowsOn(other, events)).isEqualTo(rows(events));
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0));
    }

    static List<String> rows(String sql) throws SQLException {
        return rowsOn(url, sql);
    }

    static List<String> rowsOn(String on, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(on, "", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
